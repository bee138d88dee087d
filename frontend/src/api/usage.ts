import { compactParams, http } from './http'
import type { Envelope, PageQuery, Paginated } from './types'

export const USAGE_RESULTS = ['success', 'denied', 'error', 'aborted'] as const
export type UsageResult = (typeof USAGE_RESULTS)[number]

export interface UsageRecord {
  id: number
  occurredAt: string
  userId: number
  organisationId: number | null
  /** The calling organisation, for owners and overseers reading the trail. */
  organisationName: string | null
  apiKeyId: number | null
  grantId: number | null
  datasetCode: string
  mode: string
  format: string | null
  filter: Record<string, unknown> | null
  rows: number
  bytes: number
  durationMs: number
  purpose: string | null
  status: number
  result: UsageResult
  errorCode: string | null
}

export interface UsageFilters {
  grantId?: number
  datasetCode?: string
  /** YYYY-MM-DD, inclusive */
  from?: string
  /** YYYY-MM-DD, exclusive */
  to?: string
}

export type UsageQuery = UsageFilters & { result?: UsageResult } & PageQuery

export const USAGE_PERIODS = ['day', 'month', 'year'] as const
export type UsagePeriod = (typeof USAGE_PERIODS)[number]
export const USAGE_GROUPS = ['dataset', 'consumer', 'mode'] as const
export type UsageGroup = (typeof USAGE_GROUPS)[number]

/** One bucket (China time); with `by`, one per group value too (consumer = organisation id). */
export interface UsageStat {
  period: string
  dataset?: string | null
  consumer?: string | null
  /** With by=consumer: the organisation's name. */
  consumerName?: string | null
  mode?: string | null
  /** Rows delivered by successful calls. */
  records: number
  calls: number
  bytes: number
}

export type StatsQuery = UsageFilters & { period: UsagePeriod; by?: UsageGroup }

export async function listUsage(query: UsageQuery): Promise<Paginated<UsageRecord>> {
  const res = await http.get<Paginated<UsageRecord>>('/usage', { params: compactParams(query) })
  return res.data
}

export async function usageStats(query: StatsQuery): Promise<UsageStat[]> {
  const res = await http.get<Envelope<UsageStat[]>>('/usage/stats', {
    params: compactParams(query),
  })
  return res.data.data
}
