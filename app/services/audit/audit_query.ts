import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type { auditFilterValidator } from '#validators/audit'

export type AuditFilters = Infer<typeof auditFilterValidator>

/** Filters shared by the list and the CSV export, so both show the same rows. */
export function auditQuery(filters: AuditFilters) {
  return db
    .from('audit_events')
    .if(filters.action, (q) => q.where('action', filters.action!))
    .if(filters.actor, (q) => q.where('actor_username', filters.actor!))
    .if(filters.result, (q) => q.where('result', filters.result!))
    .if(filters.objectType, (q) => q.where('object_type', filters.objectType!))
    .if(filters.objectId, (q) => q.where('object_id', filters.objectId!))
    .if(filters.from, (q) => q.where('occurred_at', '>=', filters.from!.toISOString()))
    .if(filters.to, (q) => q.where('occurred_at', '<=', filters.to!.toISOString()))
}

const CSV_COLUMNS = [
  'seq',
  'occurred_at',
  'actor_id',
  'actor_username',
  'organisation_id',
  'action',
  'object_type',
  'object_id',
  'result',
  'ip',
  'user_agent',
  'details',
  'hash',
] as const

/** RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets never run it as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\r\n'
}

export function csvRow(row: Record<string, unknown>): string {
  const values = CSV_COLUMNS.map((column) =>
    column === 'occurred_at' ? String(row[column]).replace(/Z$/, '+00:00') : row[column]
  )
  return values.map(csvCell).join(',') + '\r\n'
}
