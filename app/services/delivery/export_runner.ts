import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import logger from '@adonisjs/core/services/logger'
import lock from '@adonisjs/lock/services/main'
import ExportJob from '#models/export_job'
import clock from '#services/clock'
import { exportLimits } from '#config/exports'
import { recordUsage } from '#services/delivery/usage_log'
import { backoffSeconds, sqlTime } from '#services/delivery/export_jobs'
import { ownedBy } from '#services/delivery/export_attempt'
import RunExport, { usageOf } from '#actions/delivery/run_export'
import AppException from '#exceptions/app_exception'
import { ExportFailure } from '#exceptions/export_exceptions'

export const EXPORT_SWEEP_LOCK_KEY = 'exports:sweep'

/*
 * Runs queued export jobs inside the app process, up to EXPORT_CONCURRENCY at once. A job is
 * claimed by `UPDATE … SET status='running', attempt_token=<new> WHERE id=? AND status='queued'`,
 * so each attempt runs once however many workers and instances poll, and every later write of
 * the attempt is guarded by its token. The sweep (lost runners, retention) runs on one instance
 * at a time under the @adonisjs/lock database lock and requeues only jobs whose heartbeat
 * stopped. Transient faults are retried with back-off up to EXPORT_MAX_ATTEMPTS, then the job is
 * `failed` and listed for admins with its attempts and error (SECURITY.md fault 7).
 */
export class ExportRunner {
  readonly id = `exports-${randomUUID()}`
  #timer?: NodeJS.Timeout
  #pass?: Promise<void>

  /** Polls every `intervalMs` (web server only); tests call runPending()/sweep() directly. */
  start(intervalMs: number) {
    this.#timer ??= setInterval(() => this.nudge(), intervalMs)
  }

  /** Starts a pass now if the runner is started and idle (a job was just queued). */
  nudge() {
    if (!this.#timer) return
    this.#pass ??= this.runPending()
      .then(() => this.sweep())
      .then(() => undefined)
      .catch((error) => logger.error({ err: error }, 'export runner pass failed'))
      .finally(() => (this.#pass = undefined))
  }

  async stop() {
    clearInterval(this.#timer)
    this.#timer = undefined
    await this.#pass
  }

  /** Runs due jobs on EXPORT_CONCURRENCY workers until none is left; returns how many ran. */
  async runPending(max = 50): Promise<number> {
    let ran = 0
    const worker = async () => {
      // The slot is taken before the claim, so the workers together never run more than max.
      while (ran < max) {
        ran++
        const job = await this.claimNext()
        if (!job) {
          ran--
          return
        }
        await this.run(job)
      }
    }
    await Promise.all(Array.from({ length: Math.max(1, exportLimits.concurrency) }, worker))
    return ran
  }

  async claimNext(): Promise<ExportJob | null> {
    const now = sqlTime(clock.now())
    const due = await db
      .from('export_jobs')
      .where('status', 'queued')
      .where((q) => q.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', now))
      .orderBy('id')
      .limit(5)
      .select('id')
    for (const { id } of due) {
      const claimed = await db
        .from('export_jobs')
        .where({ id, status: 'queued' })
        .update({
          status: 'running',
          claimed_by: this.id,
          attempt_token: randomUUID(),
          rows_reserved: 0,
          attempts: db.raw('attempts + 1'),
          started_at: now,
          heartbeat_at: now,
          next_attempt_at: null,
          updated_at: now,
        })
      if (Number(claimed) === 1) return ExportJob.findOrFail(id)
    }
    return null
  }

  async run(job: ExportJob) {
    try {
      await new RunExport().handle(job, job.attemptToken!)
    } catch (error) {
      await this.#failed(job, error)
    }
  }

  /** A cap, the quota or the grant ends the job; anything else is retried while attempts remain. */
  async #failed(job: ExportJob, error: unknown) {
    const refused = error instanceof AppException && error.status < 500
    const permanent = error instanceof ExportFailure || refused
    const code = String((error as any)?.code ?? 'E_EXPORT_FAILED').slice(0, 40)
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000)
    const retry = !permanent && job.attempts < exportLimits.maxAttempts
    const now = clock.now()
    // Guarded by the attempt: a superseded or cancelled attempt's error changes nothing.
    const changed = await ownedBy(job.id, job.attemptToken!).update({
      ...(retry
        ? {
            status: 'queued',
            next_attempt_at: sqlTime(now.plus({ seconds: backoffSeconds(job.attempts) })),
          }
        : { status: 'failed', finished_at: sqlTime(now) }),
      claimed_by: null,
      attempt_token: null,
      error_code: code,
      error_message: message,
      updated_at: sqlTime(now),
    })
    if (!permanent) logger.error({ err: error, exportId: job.id, retry }, 'export job failed')
    if (retry || Number(changed) !== 1) return
    await recordUsage({
      ...usageOf(job, null),
      rows: 0,
      bytes: 0,
      durationMs: 0,
      status: refused ? (error as AppException).status : 500,
      result: refused ? 'denied' : 'error',
      errorCode: code,
    })
  }

  /** Lost runners and old files; one instance at a time. Returns what it changed. */
  async sweep() {
    const [ran, result] = await lock
      .createLock(EXPORT_SWEEP_LOCK_KEY, '5m')
      .runImmediately(async () => ({
        requeued: await this.#requeueLost(),
        expired: await this.#expireOld(),
      }))
    return ran ? result : { requeued: 0, expired: 0 }
  }

  /*
   * A running job without a heartbeat for the lease lost its process (a live attempt beats every
   * `heartbeatMs`, 30 s, whatever step it is in): run it again, or fail it when out of attempts. The
   * heartbeat test is in the UPDATE itself, so a beat landing meanwhile keeps the job; dropping
   * the token shuts the old attempt out, and leaving `running` releases its row reservation.
   */
  async #requeueLost() {
    const now = clock.now()
    const stale = sqlTime(now.minus({ seconds: exportLimits.leaseSeconds }))
    const lost = db.from('export_jobs').where('status', 'running').where('heartbeat_at', '<', stale)
    const failed = await lost
      .clone()
      .where('attempts', '>=', exportLimits.maxAttempts)
      .update({
        status: 'failed',
        claimed_by: null,
        attempt_token: null,
        error_code: 'E_EXPORT_RUNNER_LOST',
        error_message: `no heartbeat for ${exportLimits.leaseSeconds} s on its last attempt`,
        finished_at: sqlTime(now),
        updated_at: sqlTime(now),
      })
    const requeued = await lost.clone().update({
      status: 'queued',
      claimed_by: null,
      attempt_token: null,
      next_attempt_at: null,
      updated_at: sqlTime(now),
    })
    return Number(requeued) + Number(failed)
  }

  /** Files older than EXPORT_RETENTION_HOURS are deleted and their jobs marked expired. */
  async #expireOld() {
    const before = sqlTime(clock.now().minus({ hours: exportLimits.retentionHours }))
    const old = await db
      .from('export_jobs')
      .where('status', 'succeeded')
      .where('finished_at', '<', before)
      .select('id', 'file_key')
    for (const { id, file_key: key } of old) {
      if (key) await drive.use().delete(key)
      await db
        .from('export_jobs')
        .where({ id, status: 'succeeded' })
        .update({ status: 'expired', file_key: null, updated_at: sqlTime(clock.now()) })
    }
    return old.length
  }
}

const exportRunner = new ExportRunner()
export default exportRunner
