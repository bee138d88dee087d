import { DateTime } from 'luxon'

/** An address shown to admins: first letter and domain only (SECURITY.md 17, masked by default). */
export function maskAddress(address: string) {
  const at = address.lastIndexOf('@')
  return at > 0 ? `${address[0]}***${address.slice(at)}` : '***'
}

const iso = (ms: unknown) =>
  ms === null || ms === undefined ? null : DateTime.fromMillis(Number(ms)).toUTC().toISO()

export function transformMail(row: Record<string, any>) {
  return {
    id: Number(row.id),
    notificationId: Number(row.notification_id),
    to: maskAddress(row.to_address),
    subject: row.subject,
    status: row.status,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    nextAttemptAt: row.status === 'sent' ? null : iso(row.next_attempt_at_ms),
    sentAt: iso(row.sent_at_ms),
    createdAt: iso(row.created_at_ms),
  }
}
