import type Grant from '#models/grant'
import type GrantDataset from '#models/grant_dataset'
import type { StoreDataset } from '#services/stores/store_definition'
import { STORE_DATASETS } from '#database/data/datasets/index'
import { checkFields } from '#services/delivery/grant_access'
import { parseDataQuery, type DataQuery } from '#services/delivery/data_query'
import { scopedQuery, selectedColumns } from '#services/delivery/scoped_query'
import { storeValue } from '#services/delivery/cursor'
import InvalidFilterException from '#exceptions/invalid_filter_exception'

/** Query-string controls that make no sense for a push (the dispatcher owns order and size). */
const NOT_FILTERS = ['fields', 'sort', 'limit', 'cursor', 'format', 'bom']

export interface SubscriptionAccess {
  grant: Grant
  grantDataset: GrantDataset
}

export interface PushQuery {
  dataset: StoreDataset
  query: DataQuery
  /** Columns sent to the receiver, in schema order. */
  output: string[]
  /** Columns read: the output plus the high-water-mark columns. */
  read: string[]
}

export function storeDataset(code: string): StoreDataset | undefined {
  return STORE_DATASETS.find((d) => d.code === code)
}

/*
 * A subscription's query: its filters parsed exactly as the data API parses them, its fields
 * checked against the grant (403 naming them), ordered oldest first by the time field plus
 * the key columns — that order's last delivered row is the high-water mark.
 */
export function pushQuery(
  dataset: StoreDataset,
  access: SubscriptionAccess,
  fields: string[],
  filters: Record<string, unknown>
): PushQuery {
  const controls = Object.keys(filters).filter((key) => NOT_FILTERS.includes(key))
  if (controls.length)
    throw new InvalidFilterException(
      controls.map((key) => ({ field: `filters.${key}`, rule: 'filter' }))
    )
  const parsed = parseDataQuery(dataset, fields.length ? { ...filters, fields } : filters)
  checkFields(access, parsed.touched)
  const { timeField, primary } = dataset.layout
  const keys = primary ?? ['id']
  const sort = [...(timeField ? [timeField] : []), ...keys.filter((k) => k !== timeField)].map(
    (column) => ({ column, direction: 'asc' as const })
  )
  const query: DataQuery = { ...parsed, sort, cursor: null, format: 'json' }
  const { output, read } = selectedColumns(query, access.grantDataset, dataset)
  return { dataset, query, output, read }
}

/** Rows after the mark, oldest first, within the grant's field and row scope. */
export function rowsAfter(
  push: PushQuery,
  access: SubscriptionAccess,
  mark: (string | number)[] | null,
  limit: number
): Promise<Record<string, unknown>[]> {
  return scopedQuery(push.dataset, access, push.query, push.read, mark, limit)
}

/** The mark of a row: its values of the sort columns, as the database compares them. */
export function markOf(push: PushQuery, row: Record<string, unknown>) {
  return push.query.sort.map((s) => storeValue(row[s.column]))
}

/** The newest row now in scope: a new subscription starts after it (new records only). */
export async function currentMark(push: PushQuery, access: SubscriptionAccess) {
  const newestFirst: DataQuery = {
    ...push.query,
    sort: push.query.sort.map((s) => ({ ...s, direction: 'desc' as const })),
  }
  const columns = push.query.sort.map((s) => s.column)
  const [row] = await scopedQuery(push.dataset, access, newestFirst, columns, null, 1)
  return row ? markOf(push, row) : null
}
