import type { StoreDataset } from '#services/stores/store_definition'
import { parseDataQuery, type DataQuery } from '#services/delivery/data_query'
import { exceedanceLimit } from '#services/standards/exceedance_limits'
import { STATS, type Bucket, type Stat } from '#services/visual/visual_stats'
import InvalidFilterException, { type FilterProblem } from '#exceptions/invalid_filter_exception'
import UnknownFieldsException from '#exceptions/unknown_fields_exception'

/*
 * What a visual query asks for, resolved against the dataset's schema: which column each
 * groupBy means here, which numeric fields are measured, and every field the query touches
 * (checked against the grant afterwards, 403 — never silently dropped).
 */
export const GROUP_BYS = ['district', 'station', 'enterprise', 'pollutant'] as const
export type GroupBy = (typeof GROUP_BYS)[number]

/** Columns that express each grouping, first present wins (stations, sections, sources…). */
const GROUP_COLUMNS: Record<GroupBy, string[]> = {
  district: ['district_code', 'area_code'],
  station: ['station_code', 'section_code', 'source_code', 'point_code', 'outlet_code'],
  enterprise: ['enterprise_code'],
  // Long stores have a factor column; in wide stores (a column per pollutant) the measures are the pollutants.
  pollutant: ['factor_code'],
}
export const MAX_MEASURES = 8
export const AGGREGATE_CONTROLS = ['grantId', 'bucket', 'groupBy', 'measures', 'stats']
export const GEOJSON_CONTROLS = ['grantId', 'measures']
/** Data-API parameters that mean nothing here: refused rather than ignored. */
const RECORD_CONTROLS = ['fields', 'sort', 'limit', 'cursor', 'format', 'bom']

export interface VisualQuery {
  groupBy: GroupBy | null
  /** null: one series per measure (no grouping, or pollutants of a wide store). */
  groupColumn: string | null
  measures: string[]
  stats: Stat[]
  filters: DataQuery
  touched: string[]
}

function names(raw: string | undefined): string[] {
  return [
    ...new Set(
      (raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    ),
  ]
}

/** The fixed parameters for the validator; the query parser reads `a,b` as a list, we want the text. */
export function pickParams(qs: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(
    keys.map((key) => [key, Array.isArray(qs[key]) ? (qs[key] as unknown[]).join(',') : qs[key]])
  )
}

/** Filters and from/to: the query string without the visual parameters, as the data API reads it. */
export function parseFilters(
  dataset: StoreDataset,
  qs: Record<string, unknown>,
  controls: string[] = AGGREGATE_CONTROLS
): DataQuery {
  const rest = Object.fromEntries(Object.entries(qs).filter(([k]) => !controls.includes(k)))
  const refused = Object.keys(rest).filter((key) => RECORD_CONTROLS.includes(key))
  if (refused.length > 0) throw new UnknownFieldsException(refused)
  return parseDataQuery(dataset, rest)
}

/** Numeric fields of the dataset named in `measures` (422 naming any other). */
export function parseMeasures(dataset: StoreDataset, raw: string | undefined, required: boolean) {
  const measures = names(raw)
  const problems: FilterProblem[] = []
  if (required && measures.length === 0) problems.push({ field: 'measures', rule: 'required' })
  if (measures.length > MAX_MEASURES) problems.push({ field: 'measures', rule: 'max:8' })
  for (const name of measures) {
    const field = dataset.fields.find((f) => f.name === name)
    if (!field) problems.push({ field: 'measures', rule: `unknown:${name}` })
    else if (field.type !== 'integer' && field.type !== 'decimal')
      problems.push({ field: 'measures', rule: `numeric:${name}` })
  }
  return { measures, problems }
}

export function parseVisualQuery(
  dataset: StoreDataset,
  params: { bucket: Bucket; groupBy?: GroupBy; measures: string; stats?: string },
  qs: Record<string, unknown>
): VisualQuery {
  const filters = parseFilters(dataset, qs)
  const { measures, problems } = parseMeasures(dataset, params.measures, true)
  const timeField = dataset.fields.find((f) => f.name === dataset.layout.timeField)
  if (!timeField) problems.push({ field: 'bucket', rule: 'noTimeField' })
  else if (params.bucket === 'hour' && timeField.type !== 'datetime')
    problems.push({ field: 'bucket', rule: 'dailyData' })

  const stats = names(params.stats ?? 'count,min,avg,max') as Stat[]
  for (const stat of stats)
    if (!STATS.includes(stat)) problems.push({ field: 'stats', rule: `enum:${stat}` })
  if (stats.includes('exceed'))
    for (const measure of measures)
      if (!exceedanceLimit(dataset.code, measure))
        problems.push({ field: 'stats', rule: `noLimit:${measure}` })

  const groupBy = params.groupBy ?? null
  let groupColumn: string | null = null
  if (groupBy) {
    const has = (column: string) => dataset.fields.some((f) => f.name === column)
    groupColumn = GROUP_COLUMNS[groupBy].find(has) ?? null
    if (!groupColumn && groupBy !== 'pollutant')
      problems.push({ field: 'groupBy', rule: `notAvailable:${groupBy}` })
  }
  if (problems.length > 0) throw new InvalidFilterException(problems)

  const touched = new Set([...filters.touched, ...measures, timeField!.name])
  if (groupColumn) touched.add(groupColumn)
  return { groupBy, groupColumn, measures, stats, filters, touched: [...touched] }
}
