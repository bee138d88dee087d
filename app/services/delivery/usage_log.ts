import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import clock from '#services/clock'
import AppException from '#exceptions/app_exception'
import { QuotaExceededException } from '#exceptions/delivery_exceptions'

/*
 * The usage trail (谁使用谁负责): one row per data call, refused ones included. Filters are
 * stored, never the key: the key id identifies the credential.
 */
export interface UsageEntry {
  userId: number | null
  organisationId: number | null
  apiKeyId: number | null
  grantId: number | null
  datasetCode: string | null
  /** 'download' is fetching an export's file; its rows were counted when the export ran. */
  mode: 'api' | 'export' | 'download' | 'visual_query' | 'subscription'
  format: string | null
  filter: Record<string, unknown> | null
  rows: number
  bytes: number
  durationMs: number
  purpose: string | null
  status: number
  result: 'success' | 'denied' | 'error' | 'aborted'
  errorCode: string | null
  ip: string | null
}

/** A successful call's row as it starts; the caller fills in who and what as it learns them. */
export function startUsage(
  ctx: HttpContext,
  mode: UsageEntry['mode'],
  datasetCode: string
): UsageEntry {
  return {
    userId: null,
    organisationId: null,
    apiKeyId: null,
    grantId: null,
    datasetCode: datasetCode.slice(0, 64),
    mode,
    format: null,
    filter: null,
    rows: 0,
    bytes: 0,
    durationMs: 0,
    purpose: null,
    status: 200,
    result: 'success',
    errorCode: null,
    ip: ctx.request.ip(),
  }
}

/** The row of a refused or failed call (and Retry-After on a quota refusal). */
export async function recordRefusal(
  ctx: HttpContext,
  usage: UsageEntry,
  error: unknown,
  started: number
) {
  const status =
    error instanceof AppException ? error.status : Number((error as any)?.status) || 500
  if (error instanceof QuotaExceededException)
    ctx.response.header('Retry-After', String(error.retryAfterSeconds))
  await recordUsage({
    ...usage,
    status,
    result: status >= 500 ? 'error' : 'denied',
    errorCode: String((error as any)?.code ?? 'E_INTERNAL').slice(0, 40),
    durationMs: performance.now() - started,
  })
}

/** `client`: a transaction when the row must commit with another change (an export's end). */
export async function recordUsage(entry: UsageEntry, client: Pick<typeof db, 'table'> = db) {
  await client.table('data_usage').insert({
    occurred_at: clock.now().toJSDate(),
    user_id: entry.userId,
    organisation_id: entry.organisationId,
    api_key_id: entry.apiKeyId,
    grant_id: entry.grantId,
    dataset_code: entry.datasetCode,
    mode: entry.mode,
    format: entry.format,
    filter: entry.filter ? JSON.stringify(entry.filter).slice(0, 4000) : null,
    rows: entry.rows,
    bytes: entry.bytes,
    duration_ms: Math.round(entry.durationMs),
    purpose: entry.purpose,
    status: entry.status,
    result: entry.result,
    error_code: entry.errorCode,
    ip: entry.ip,
  })
}

/*
 * Rows delivered under a grant since the start of today in the city's calendar, plus the rows
 * running exports have reserved and not yet delivered (export_attempt.ts): a data call or an
 * export started now must leave room for them.
 */
export async function rowsToday(grantId: number): Promise<number> {
  const start = clock.now().setZone('Asia/Shanghai').startOf('day').toUTC().toJSDate()
  const [[delivered], [reserved]] = await Promise.all([
    db
      .from('data_usage')
      .where('grant_id', grantId)
      .where('occurred_at', '>=', start)
      .sum('rows as total'),
    db
      .from('export_jobs')
      .where({ grant_id: grantId, status: 'running' })
      .sum('rows_reserved as total'),
  ])
  return Number(delivered?.total ?? 0) + Number(reserved?.total ?? 0)
}

/** Seconds until the next city day, when the daily quota resets. */
export function secondsUntilTomorrow(): number {
  const now = clock.now().setZone('Asia/Shanghai')
  return Math.max(1, Math.ceil(now.plus({ days: 1 }).startOf('day').diff(now, 'seconds').seconds))
}
