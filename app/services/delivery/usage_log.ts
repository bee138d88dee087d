import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock'

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
  mode: 'api' | 'export' | 'visual_query' | 'subscription'
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

export async function recordUsage(entry: UsageEntry) {
  await db.table('data_usage').insert({
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

/** Rows delivered under a grant since the start of today in the city's calendar. */
export async function rowsToday(grantId: number): Promise<number> {
  const start = clock.now().setZone('Asia/Shanghai').startOf('day').toUTC().toJSDate()
  const [row] = await db
    .from('data_usage')
    .where('grant_id', grantId)
    .where('occurred_at', '>=', start)
    .sum('rows as total')
  return Number(row?.total ?? 0)
}

/** Seconds until the next city day, when the daily quota resets. */
export function secondsUntilTomorrow(): number {
  const now = clock.now().setZone('Asia/Shanghai')
  return Math.max(1, Math.ceil(now.plus({ days: 1 }).startOf('day').diff(now, 'seconds').seconds))
}
