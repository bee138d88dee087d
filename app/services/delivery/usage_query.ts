import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { DateTime } from 'luxon'

type Builder = DatabaseQueryBuilderContract<any>

/** Whose usage a reader sees: everything, or their own calls plus their organisation's datasets. */
export type UsageView = { all: true } | { all: false; userId: number; ownerOrgId: number | null }

export interface UsageFilters {
  grantId?: number
  datasetCode?: string
  result?: string
  from?: Date
  to?: Date
}

function visible(view: UsageView, filters: UsageFilters): Builder {
  const builder = db.from('data_usage')
  if (!view.all) {
    builder.where((q) => {
      q.where('data_usage.user_id', view.userId)
      if (view.ownerOrgId !== null)
        q.orWhereIn(
          'data_usage.dataset_code',
          db.from('datasets').where('provider_organisation_id', view.ownerOrgId).select('code')
        )
    })
  }
  if (filters.grantId) builder.where('grant_id', filters.grantId)
  if (filters.datasetCode) builder.where('dataset_code', filters.datasetCode)
  if (filters.result) builder.where('result', filters.result)
  if (filters.from) builder.where('occurred_at', '>=', filters.from)
  if (filters.to) builder.where('occurred_at', '<', filters.to)
  return builder
}

/** SQLite stores the instant as epoch milliseconds (knex binds Dates so), MySQL as DATETIME. */
function instant(value: unknown): string {
  const date = value instanceof Date ? value : new Date(Number(value) || String(value))
  return DateTime.fromJSDate(date).toUTC().toISO()!
}

/** Organisation names by id: overseers read the trail by consumer, not by number. */
async function organisationNames(ids: unknown[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id) => id !== null && id !== undefined).map(String))]
  if (!wanted.length) return new Map()
  const rows = await db.from('organisations').whereIn('id', wanted).select('id', 'name')
  return new Map(rows.map((row: any) => [String(row.id), String(row.name)]))
}

export async function listUsage(
  view: UsageView,
  filters: UsageFilters,
  page: number,
  perPage: number
) {
  const [{ total }] = await visible(view, filters).count('* as total')
  const rows = await visible(view, filters)
    .select('*')
    .orderBy('id', 'desc')
    .limit(perPage)
    .offset((page - 1) * perPage)
  const names = await organisationNames(rows.map((row: any) => row.organisation_id))
  return {
    rows: rows.map((row: any) => ({
      id: Number(row.id),
      occurredAt: instant(row.occurred_at),
      userId: row.user_id,
      organisationId: row.organisation_id,
      organisationName: names.get(String(row.organisation_id)) ?? null,
      apiKeyId: row.api_key_id,
      grantId: row.grant_id,
      datasetCode: row.dataset_code,
      mode: row.mode,
      format: row.format,
      filter: row.filter ? JSON.parse(row.filter) : null,
      rows: Number(row.rows),
      bytes: Number(row.bytes),
      durationMs: Number(row.duration_ms),
      purpose: row.purpose,
      status: Number(row.status),
      result: row.result,
      errorCode: row.error_code,
    })),
    total: Number(total),
  }
}

const PERIOD_FORMATS = {
  day: { sqlite: '%Y-%m-%d', mysql: '%Y-%m-%d' },
  month: { sqlite: '%Y-%m', mysql: '%Y-%m' },
  year: { sqlite: '%Y', mysql: '%Y' },
} as const
export type Period = keyof typeof PERIOD_FORMATS
const GROUPS = { dataset: 'dataset_code', consumer: 'organisation_id', mode: 'mode' } as const
export type GroupBy = keyof typeof GROUPS

/** Records shared (successful calls' rows) per period in China time, optionally per dataset, consumer or mode. */
export async function usageStats(
  view: UsageView,
  filters: UsageFilters,
  period: Period,
  by?: GroupBy
) {
  const builder = visible(view, filters).where('result', 'success')
  const mysql = builder.client.dialect.name === 'mysql'
  const bucket = mysql
    ? `DATE_FORMAT(DATE_ADD(occurred_at, INTERVAL 8 HOUR), '${PERIOD_FORMATS[period].mysql}')`
    : `strftime('${PERIOD_FORMATS[period].sqlite}', occurred_at / 1000, 'unixepoch', '+8 hours')`
  const columns = [db.raw(`${bucket} as period`)]
  if (by) columns.push(db.raw(`${GROUPS[by]} as ${'grp'}`))
  builder
    .select(columns)
    .sum('rows as records')
    .count('* as calls')
    .sum('bytes as bytes')
    .groupByRaw(by ? `${bucket}, ${GROUPS[by]}` : bucket)
    .orderBy('period')
  const rows = await builder
  const names = by === 'consumer' ? await organisationNames(rows.map((row: any) => row.grp)) : null
  return rows.map((row: any) => ({
    period: String(row.period),
    ...(by ? { [by]: row.grp === null ? null : String(row.grp) } : {}),
    ...(names ? { consumerName: names.get(String(row.grp)) ?? null } : {}),
    records: Number(row.records ?? 0),
    calls: Number(row.calls),
    bytes: Number(row.bytes ?? 0),
  }))
}
