import { compactParams, http } from './http'
import type { Paginated } from './types'
import { fetchDataset, searchDatasets, type DatasetField } from './catalog'

/*
 * Visual query (可视化查询): chart aggregates and map points over one of my grants with the
 * visual_query mode. Mirrors app/openapi/paths/visual.ts.
 */
export const BUCKETS = ['hour', 'day', 'month'] as const
export type Bucket = (typeof BUCKETS)[number]
export const GROUP_BYS = ['district', 'station', 'enterprise', 'pollutant'] as const
export type GroupBy = (typeof GROUP_BYS)[number]
export const STATS = ['count', 'min', 'avg', 'max', 'p50', 'p90', 'p95', 'exceed'] as const
export type Stat = (typeof STATS)[number]

/** The parts of a grant this page needs (GET /grants). */
export interface VisualGrant {
  id: number
  code: string
  purpose: string
  status: string
  deliveryModes: string[]
  validUntil: string
  datasets: { code: string; fields: string[] }[]
}

export interface AggregateQuery {
  grantId: number
  bucket: Bucket
  groupBy?: GroupBy
  measures: string[]
  stats: Stat[]
  /** China time, `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm:ss`; `to` exclusive. */
  from?: string
  to?: string
}

export type AggregatePoint = { bucket: string } & Partial<Record<Stat, number | null>>

export interface AggregateSeries {
  group: string | null
  measure: string
  points: AggregatePoint[]
}

export interface ExceedanceLimit {
  value: number
  direction: 'above' | 'below'
  unit: string
  standard: string
}

export interface AggregateResult {
  dataset: string
  grantId: number
  bucket: Bucket
  groupBy: GroupBy | null
  groupField: string | null
  timeZone: string
  measures: string[]
  stats: Stat[]
  limits?: Record<string, ExceedanceLimit>
  buckets: string[]
  series: AggregateSeries[]
}

export interface MapFeature {
  type: 'Feature'
  id: string
  geometry: { type: 'Point'; coordinates: [number, number] } | null
  properties: Record<string, string | number | null>
}

export interface MapPoints {
  type: 'FeatureCollection'
  features: MapFeature[]
  meta: { keyField: string; timeField: string | null; measures: string[]; located: number }
}

/** My active grants that include the visual query. */
export async function listVisualGrants(): Promise<VisualGrant[]> {
  const res = await http.get<Paginated<VisualGrant>>('/grants', {
    params: { view: 'mine', status: 'active', perPage: 100 },
  })
  return res.data.data.filter((g) => g.deliveryModes.includes('visual_query'))
}

export async function fetchAggregate(
  datasetCode: string,
  query: AggregateQuery
): Promise<{ data: AggregateResult; meta: { rows: number; points: number } }> {
  const params = compactParams({
    ...query,
    measures: query.measures.join(','),
    stats: query.stats.join(','),
  })
  const res = await http.get(`/visual/${encodeURIComponent(datasetCode)}/aggregate`, { params })
  return res.data
}

export async function fetchMapPoints(
  datasetCode: string,
  query: { grantId: number; measures?: string[]; from?: string; to?: string }
): Promise<MapPoints> {
  const params = compactParams({ ...query, measures: query.measures?.join(',') })
  const res = await http.get<MapPoints>(`/visual/${encodeURIComponent(datasetCode)}/geojson`, {
    params,
  })
  return res.data
}

/** A dataset's field labels and types from the catalog, found by its code. */
export async function fetchDatasetFields(code: string): Promise<DatasetField[]> {
  const found = await searchDatasets({ q: code, perPage: 20 })
  const summary = found.data.find((d) => d.code === code)
  return summary ? (await fetchDataset(summary.id)).fields : []
}
