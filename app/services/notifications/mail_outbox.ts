import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import env from '#start/env'
import { appUrl } from '#config/app'
import clock from '#services/clock'

/** Attempts before a mail is given up (status `failed`, visible in the table for an admin). */
const MAX_ATTEMPTS = 8
const BASE_BACKOFF_MS = 30_000
const MAX_BACKOFF_MS = 3_600_000
/** A claimed mail not marked sent by then (the sender died) is taken again. */
const SENDING_LEASE_MS = 600_000

/*
 * E-mail as a second channel of the in-app notifications. Rows are written in the notification's
 * transaction only when SMTP is configured (MAIL_MAILER=smtp), then sent by the background loop,
 * so a mail server outage never fails a workflow step.
 */
class MailChannel {
  #enabled = env.get('MAIL_MAILER') === 'smtp'
  #toldDisabled = false

  get enabled() {
    return this.#enabled
  }

  /** Switches the channel at run time (an operator's config reload; tests). */
  configure(enabled: boolean) {
    this.#enabled = enabled
  }

  /** Logs once per process that e-mail is off, so an operator sees why nobody gets mail. */
  noteDisabled() {
    if (this.#toldDisabled) return
    this.#toldDisabled = true
    logger.info(
      'e-mail is off (MAIL_MAILER is not smtp): notifications are in-app only; set MAIL_MAILER=smtp and SMTP_HOST to send them'
    )
  }
}

export const mailChannel = new MailChannel()

interface PendingMail {
  id: number
  title: string
  body: string | null
  object_id: string | null
  email: string
  user_id: number
}

/** Plain text, zh-CN first then English (the titles already carry both). */
export function mailText(row: PendingMail) {
  return [
    row.title,
    '',
    ...(row.body ? [row.body, ''] : []),
    // The web app has no deep links for tasks yet: the reference is enough to find it there.
    ...(row.object_id ? [`编号 / Reference: ${row.object_id}`] : []),
    `请登录平台查看 / Sign in to view: ${appUrl}`,
    '',
    '此邮件由 EcoShare 生态环境数据共享平台自动发送，请勿回复。',
    'This message was sent automatically by EcoShare; please do not reply.',
  ].join('\n')
}

/** Queues one mail per new notification whose recipient has an address (called by sendNotifications). */
export async function enqueueMails(dedupeKeys: string[], trx?: TransactionClientContract) {
  if (!mailChannel.enabled || !dedupeKeys.length) return
  const client = trx ?? db
  const rows: PendingMail[] = await client
    .from('notifications as n')
    .join('users as u', 'u.id', 'n.user_id')
    .leftJoin('mail_outbox as m', 'm.notification_id', 'n.id')
    .whereIn('n.dedupe_key', dedupeKeys)
    .whereNotNull('u.email')
    .where('u.status', 'active')
    .whereNull('m.id')
    .select('n.id', 'n.title', 'n.body', 'n.object_id', 'n.user_id', 'u.email')
  if (!rows.length) return
  const now = clock.nowMs()
  await client
    .table('mail_outbox')
    .insert(
      rows.map((row) => ({
        notification_id: row.id,
        user_id: row.user_id,
        to_address: row.email,
        subject: `[EcoShare] ${row.title}`.slice(0, 255),
        body: mailText(row),
        status: 'pending',
        attempts: 0,
        next_attempt_at_ms: now,
        created_at_ms: now,
      }))
    )
    .onConflict('notification_id')
    .ignore()
}

function backoffMs(attempts: number) {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1))
}

/*
 * Sends what is due. Each row is claimed by a guarded update (status + attempts), so two app
 * instances never send the same row; a failure backs off exponentially up to MAX_ATTEMPTS.
 */
export async function dispatchMailOutbox(limit = 20) {
  if (!mailChannel.enabled) {
    mailChannel.noteDisabled()
    return 0
  }
  const now = clock.nowMs()
  const due = await db
    .from('mail_outbox')
    .whereIn('status', ['pending', 'sending'])
    .where('next_attempt_at_ms', '<=', now)
    .orderBy('id')
    .limit(limit)
  let sent = 0
  for (const row of due) {
    const attempts = Number(row.attempts) + 1
    const claimed = await db
      .from('mail_outbox')
      .where({ id: row.id, status: row.status, attempts: row.attempts })
      .update({ status: 'sending', attempts, next_attempt_at_ms: now + SENDING_LEASE_MS })
    if (Number(claimed) !== 1) continue
    try {
      await mail.send((message) => {
        message.to(row.to_address).subject(row.subject).text(row.body)
      })
      await db
        .from('mail_outbox')
        .where('id', row.id)
        .update({ status: 'sent', sent_at_ms: clock.nowMs(), last_error: null })
      sent++
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      logger.warn({ err: error, mailId: row.id, attempts }, 'sending an e-mail failed')
      await db
        .from('mail_outbox')
        .where('id', row.id)
        .update({
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          next_attempt_at_ms: clock.nowMs() + backoffMs(attempts),
          last_error: message.slice(0, 1000),
        })
    }
  }
  return sent
}
