import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import lock from '@adonisjs/lock/services/main'
import type Grant from '#models/grant'
import clock from '#services/clock'
import { exportLimits } from '#config/exports'
import { rowsToday } from '#services/delivery/usage_log'
import { sqlTime } from '#services/delivery/export_jobs'
import { ExportFailure } from '#exceptions/export_exceptions'

/*
 * One claimed attempt of an export job. Every write it makes is guarded by the job being still
 * `running` under this attempt's token: once the owner cancels, or the sweep requeues the job
 * and another worker claims it (new token), this attempt can no longer change anything.
 */
export function ownedBy(jobId: number, token: string, client: Pick<typeof db, 'from'> = db) {
  return client.from('export_jobs').where({ id: jobId, status: 'running', attempt_token: token })
}

/*
 * Refreshes `heartbeat_at` on a timer for as long as the attempt runs, so a step that sends no
 * progress (counting rows, moving the file to the drive) is not mistaken for a dead worker by
 * the sweep. `lost` turns true when the job is no longer this attempt's.
 */
export class Heartbeat {
  lost = false
  #timer?: NodeJS.Timeout
  #beat?: Promise<void>

  constructor(
    private jobId: number,
    private token: string
  ) {}

  start() {
    this.#timer = setInterval(() => {
      this.#beat ??= this.beat().finally(() => (this.#beat = undefined))
    }, exportLimits.heartbeatMs)
    return this
  }

  async beat() {
    try {
      const now = sqlTime(clock.now())
      const changed = await ownedBy(this.jobId, this.token).update({ heartbeat_at: now })
      if (Number(changed) !== 1) this.lost = true
    } catch (error) {
      // A missed beat is survivable (the lease is 10 beats long); the next one tries again.
      logger.warn({ err: error, exportId: this.jobId }, 'export heartbeat failed')
    }
  }

  /** Stops the timer and waits for a beat in flight, so nothing writes after the attempt ends. */
  async stop() {
    clearInterval(this.#timer)
    this.#timer = undefined
    await this.#beat
  }
}

/*
 * Reserves the rows this attempt is about to write against the grant's rows per day. Under a
 * per-grant lock (shared by all instances through the database store) so two exports cannot
 * both see the same rows left; the reservation is part of `rowsToday`, so data calls and
 * subscriptions see it too. It lives only while the job is `running` under this token: success
 * settles it into the usage row in one transaction, and any other end (failure, cancel, the
 * sweep's requeue) releases it by the status change itself — nothing to forget after a crash.
 * Returns false when the job stopped being this attempt's.
 */
export async function reserveRows(jobId: number, token: string, grant: Grant, rows: number) {
  return lock.createLock(`exports:quota:${grant.id}`, '30s').run(async () => {
    const remaining = grant.rowsPerDay - (await rowsToday(grant.id))
    if (rows > remaining)
      throw new ExportFailure('E_QUOTA_EXCEEDED', `${rows} rows > ${remaining} left today`)
    const held = await ownedBy(jobId, token).update({
      rows_total: rows,
      rows_reserved: rows,
      heartbeat_at: sqlTime(clock.now()),
    })
    return Number(held) === 1
  })
}
