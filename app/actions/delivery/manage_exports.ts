import db from '@adonisjs/lucid/services/db'
import type ExportJob from '#models/export_job'
import { OPEN_STATUSES } from '#models/export_job'
import clock from '#services/clock'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { exportAccess } from '#services/delivery/export_access'
import { signLink } from '#services/delivery/export_link'
import { sqlTime } from '#services/delivery/export_jobs'
import exportRunner from '#services/delivery/export_runner'
import { ExportStateException } from '#exceptions/export_exceptions'

/*
 * Cancel (owner), retry (admins, after fixing what made it fail) and download links (owner).
 * Status changes are guarded updates, so a cancel racing the runner's finish has one winner.
 */
export default class ManageExports {
  async cancel(job: ExportJob, actor: AuditActor) {
    const now = sqlTime(clock.now())
    const changed = await db
      .from('export_jobs')
      .where('id', job.id)
      .whereIn('status', OPEN_STATUSES)
      .update({
        status: 'cancelled',
        claimed_by: null,
        attempt_token: null,
        finished_at: now,
        updated_at: now,
      })
    if (Number(changed) !== 1) throw new ExportStateException(job.id, job.status)
    await recordAudit(actor, this.#entry('export.cancel', job))
    return job.refresh()
  }

  /** A failed job runs again from scratch with a fresh set of attempts. */
  async retry(job: ExportJob, actor: AuditActor) {
    const changed = await db
      .from('export_jobs')
      .where({ id: job.id, status: 'failed' })
      .update({
        status: 'queued',
        attempts: 0,
        rows_written: 0,
        bytes: 0,
        next_attempt_at: null,
        finished_at: null,
        updated_at: sqlTime(clock.now()),
      })
    if (Number(changed) !== 1) throw new ExportStateException(job.id, job.status)
    await recordAudit(actor, {
      ...this.#entry('export.retry', job),
      details: { previousError: job.errorCode, owner: job.userId },
    })
    exportRunner.nudge()
    return job.refresh()
  }

  /** A signed link for the owner, only while the file exists and the grant still allows it. */
  async link(job: ExportJob) {
    if (job.status !== 'succeeded' || !job.fileKey)
      throw new ExportStateException(job.id, job.status)
    await exportAccess(job.grantId, job.userId, job.datasetCode)
    return signLink(job.id, job.userId)
  }

  #entry(action: string, job: ExportJob) {
    return {
      action,
      result: 'success' as const,
      objectType: 'export_job',
      objectId: job.id,
      details: { dataset: job.datasetCode, format: job.format },
    }
  }
}
