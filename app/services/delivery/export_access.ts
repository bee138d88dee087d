import Grant from '#models/grant'
import type { ExportQuery } from '#models/export_job'
import clock from '#services/clock'
import type { StoreDataset } from '#services/stores/store_definition'
import type { Access } from '#services/delivery/grant_access'
import { parseDataQuery, type DataQuery } from '#services/delivery/data_query'
import InvalidFilterException from '#exceptions/invalid_filter_exception'
import { DeliveryDeniedException, GrantNotFoundException } from '#exceptions/delivery_exceptions'

/*
 * What an export may read, decided when it is created, again when it runs and again on every
 * download (a grant revoked or expired meanwhile stops all three): the caller's own grant
 * (someone else's answers 404), effectively active now, with the export mode and the dataset.
 */
export async function exportAccess(
  grantId: number,
  userId: number,
  datasetCode: string
): Promise<Access> {
  const grant = await Grant.query()
    .where('id', grantId)
    .where('applicantId', userId)
    .preload('datasets')
    .preload('applicant')
    .preload('applicantOrg')
    .first()
  if (!grant) throw new GrantNotFoundException(grantId)
  const status = grant.effectiveStatus(clock.now())
  if (status !== 'active')
    throw new DeliveryDeniedException(`E_GRANT_${status.toUpperCase()}` as 'E_GRANT_REVOKED', {
      grant: grant.code,
    })
  if (!grant.deliveryModes.includes('export'))
    throw new DeliveryDeniedException('E_MODE_NOT_GRANTED', { mode: 'export' })
  const grantDataset = grant.datasets.find((d) => d.datasetCode === datasetCode)
  if (!grantDataset)
    throw new DeliveryDeniedException('E_DATASET_NOT_GRANTED', { dataset: datasetCode })
  return { grant, grantDataset }
}

/** Keys of the data API's query language that an export sets itself, never through filters. */
const RESERVED = ['fields', 'limit', 'cursor', 'format', 'bom']

/*
 * The export's fields and filters in the data API's query language (`F`, `F[gte]`, `F[in]`,
 * `from`, `to`, `sort`). JSON numbers are accepted where the query string would have text.
 */
export function parseExportQuery(dataset: StoreDataset, query: ExportQuery): DataQuery {
  const reserved = Object.keys(query.filters).filter((key) => RESERVED.includes(key))
  if (reserved.length > 0)
    throw new InvalidFilterException(
      reserved.map((key) => ({ field: `filters.${key}`, rule: 'reserved' }))
    )
  const filters = asText(query.filters) as Record<string, unknown>
  return parseDataQuery(dataset, {
    ...filters,
    ...(query.fields.length > 0 ? { fields: query.fields.join(',') } : {}),
  })
}

function asText(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.map(asText)
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asText(item)]))
  return value
}
