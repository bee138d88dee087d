import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import clock from '#services/clock'
import type { NotificationKind } from '#models/notification'
import { enqueueMails } from '#services/notifications/mail_outbox'

/** A UTC timestamp string both drivers store as text the model reads back (a JS Date is a number in SQLite). */
export function sqlNow() {
  return clock.now().toUTC().toFormat('yyyy-MM-dd HH:mm:ss')
}

export interface NotificationEntry {
  userId: number
  kind: NotificationKind
  /** Unique per event and recipient, so running a producer twice never doubles a message. */
  key: string
  title: string
  body?: string | null
  objectType: 'data_request' | 'workflow_task' | 'subscription'
  objectId: string
  data?: Record<string, unknown>
}

/*
 * In-app messages, plus a queued e-mail each when SMTP is configured (mail_outbox.ts). Inserts
 * skip rows whose dedupe key exists (INSERT IGNORE on MariaDB, ON CONFLICT DO NOTHING on SQLite).
 */
export async function sendNotifications(
  entries: NotificationEntry[],
  trx?: TransactionClientContract
): Promise<void> {
  if (!entries.length) return
  // The message and its queued e-mail commit together.
  if (!trx) return db.transaction((own) => sendNotifications(entries, own))
  const now = sqlNow()
  await trx
    .table('notifications')
    .insert(
      entries.map((e) => ({
        user_id: e.userId,
        kind: e.kind,
        dedupe_key: e.key,
        title: e.title,
        body: e.body ?? null,
        object_type: e.objectType,
        object_id: e.objectId,
        data: e.data ? JSON.stringify(e.data) : null,
        read_at: null,
        created_at: now,
      }))
    )
    .onConflict('dedupe_key')
    .ignore()
  await enqueueMails(
    entries.map((e) => e.key),
    trx
  )
}
