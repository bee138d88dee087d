import { compactParams, http } from './http'
import type { PageQuery, Paginated } from './types'

export type AuditResult = 'success' | 'failure' | 'denied'
export const AUDIT_RESULTS: readonly AuditResult[] = ['success', 'failure', 'denied']

export interface AuditEvent {
  id: number
  /** Position in the hash chain, and this record's chain hash (tamper evidence). */
  seq?: number
  hash?: string
  /** ISO 8601 with offset, as recorded. */
  occurredAt: string
  actorId: number | null
  actorUsername: string | null
  organisationId: number | null
  action: string
  objectType: string | null
  objectId: string | number | null
  result: AuditResult
  ip: string | null
  userAgent: string | null
  details: Record<string, unknown> | null
}

export interface AuditFilters {
  action?: string
  actor?: string
  result?: AuditResult
  objectType?: string
  /** ISO 8601 with offset. */
  from?: string
  to?: string
}

export type AuditQuery = AuditFilters & PageQuery

export async function listAuditEvents(query: AuditQuery): Promise<Paginated<AuditEvent>> {
  const res = await http.get<Paginated<AuditEvent>>('/audit/events', {
    params: compactParams(query),
  })
  return res.data
}

/** A plain link lets the browser stream a large export straight to disk with the session cookie. */
export function auditCsvUrl(filters: AuditFilters): string {
  return http.getUri({ url: '/audit/events.csv', params: compactParams(filters) })
}
