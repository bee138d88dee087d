import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import MailNotFoundException from '#exceptions/mail_not_found_exception'

/*
 * An e-mail that used up its attempts (SMTP down for hours, a rejected address the admin has
 * since fixed) goes back to the queue with fresh attempts; the next background pass sends it.
 */
export default class RetryMail {
  async handle(id: number, actor: AuditActor) {
    await db.transaction(async (trx) => {
      const updated = await trx
        .from('mail_outbox')
        .where({ id, status: 'failed' })
        .update({ status: 'pending', attempts: 0, next_attempt_at_ms: clock.nowMs() })
      if (Number(updated) !== 1) throw new MailNotFoundException(String(id))
      await recordAudit(
        actor,
        { action: 'mail.retry', result: 'success', objectType: 'mail', objectId: id },
        trx
      )
    })
  }
}
