import { randomBytes, randomUUID } from 'node:crypto'
import { mkdir, rm, stat } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import type ExportJob from '#models/export_job'
import clock from '#services/clock'
import { exportLimits } from '#config/exports'
import { checkFields, type Access } from '#services/delivery/grant_access'
import { scopedQuery, selectedColumns } from '#services/delivery/scoped_query'
import { rowBatches } from '#services/delivery/row_stream'
import { recordUsage } from '#services/delivery/usage_log'
import { Heartbeat, ownedBy, reserveRows } from '#services/delivery/export_attempt'
import { exportAccess, parseExportQuery } from '#services/delivery/export_access'
import { findDataset } from '#services/delivery/published_dataset'
import { openWriter, type Watermark } from '#services/delivery/export_writers'
import { sqlTime } from '#services/delivery/export_jobs'
import { ExportFailure } from '#exceptions/export_exceptions'

export type RunOutcome = 'succeeded' | 'stopped'

/*
 * One claimed attempt of an export job: the grant is checked again (it may have been revoked
 * since the POST), rows are counted first (progress %, caps), reserved against the day's quota
 * (export_attempt.ts), then streamed into a local file batch by batch. After every batch the job
 * is checked for a cancel, and progress is written (by the same guarded UPDATE, which finds no
 * row once the owner cancelled or the attempt was superseded) at most every PROGRESS_EVERY_MS:
 * on MariaDB each autocommit UPDATE waits for a log flush (~15 ms here), which held exports to
 * 44 000 rows/s when every 500-row batch wrote one. Last, the file moves to the drive disk under
 * a random key. A heartbeat timer runs through all of it, the slow count and upload included.
 * 'stopped': the job was cancelled or taken over; this attempt left no file and no usage row.
 */
const PROGRESS_EVERY_MS = 250

export default class RunExport {
  async handle(job: ExportJob, token: string): Promise<RunOutcome> {
    const heartbeat = new Heartbeat(job.id, token).start()
    try {
      return await this.#attempt(job, token, heartbeat)
    } finally {
      await heartbeat.stop()
    }
  }

  async #attempt(job: ExportJob, token: string, heartbeat: Heartbeat): Promise<RunOutcome> {
    const started = performance.now()
    const access = await exportAccess(job.grantId, job.userId, job.datasetCode)
    const dataset = await findDataset(job.datasetCode)
    const query = parseExportQuery(dataset, job.query)
    checkFields(access, query.touched)
    const { output, read } = selectedColumns(query, access.grantDataset, dataset)

    const total = await this.count(scopedQuery(dataset, access, query, read, null, 1))
    if (total > exportLimits.maxRows)
      throw new ExportFailure('E_EXPORT_TOO_MANY_ROWS', `${total} rows > ${exportLimits.maxRows}`)
    if (heartbeat.lost || !(await reserveRows(job.id, token, access.grant, total))) return 'stopped'

    const fields = output.map((name) => dataset.fields.find((f) => f.name === name)!)
    const directory = app.tmpPath('exports')
    await mkdir(directory, { recursive: true })
    const path = `${directory}/${randomUUID()}.${job.format}`
    const writer = openWriter(job.format, path, fields, watermarkOf(job, access), job.query.bom)
    let rows = 0
    let reportedAt = 0
    // False once the job is no longer this attempt's: the owner cancelled, or it was taken over.
    const stillMine = async (written: number, bytes: number) => {
      if (performance.now() - reportedAt < PROGRESS_EVERY_MS)
        return (await ownedBy(job.id, token).select('id').first()) !== null
      reportedAt = performance.now()
      const progress = { rows_written: written, bytes, heartbeat_at: sqlTime(clock.now()) }
      return Number(await ownedBy(job.id, token).update(progress)) === 1
    }
    try {
      for await (const batch of rowBatches(
        scopedQuery(dataset, access, query, read, null, total)
      )) {
        await writer.write(batch)
        rows += batch.length
        if (writer.bytes() > exportLimits.maxBytes)
          throw new ExportFailure('E_EXPORT_TOO_LARGE', `more than ${exportLimits.maxBytes} bytes`)
        if (!(await stillMine(rows, writer.bytes()))) {
          await writer.abort()
          await rm(path, { force: true })
          return 'stopped'
        }
      }
      await writer.finish()
    } catch (error) {
      await writer.abort()
      await rm(path, { force: true })
      throw error
    }

    const { size } = await stat(path)
    if (size > exportLimits.maxBytes) {
      await rm(path, { force: true })
      throw new ExportFailure('E_EXPORT_TOO_LARGE', `${size} bytes > ${exportLimits.maxBytes}`)
    }
    // Random and unrelated to the job id, user or file name: nothing to guess on a shared store.
    // Each attempt writes its own key, so a superseded attempt never overwrites the new one's file.
    const fileKey = `${randomBytes(2).toString('hex')}/${randomBytes(24).toString('base64url')}.${job.format}`
    await drive.use().moveFromFs(path, fileKey)
    const usage = {
      ...usageOf(job, access),
      rows,
      bytes: size,
      durationMs: performance.now() - started,
      status: 200,
      result: 'success' as const,
      errorCode: null,
    }
    // The job's end and its usage row commit together: the reservation turns into delivered
    // rows exactly once, whatever crashes before or after.
    const settled = await db.transaction(async (trx) => {
      const done = await ownedBy(job.id, token, trx).update({
        status: 'succeeded',
        rows_written: rows,
        rows_reserved: 0,
        bytes: size,
        file_key: fileKey,
        error_code: null,
        error_message: null,
        finished_at: sqlTime(clock.now()),
        updated_at: sqlTime(clock.now()),
      })
      if (Number(done) !== 1) return false
      await recordUsage(usage, trx)
      return true
    })
    if (!settled) {
      await drive.use().delete(fileKey)
      return 'stopped'
    }
    return 'succeeded'
  }

  private async count(builder: ReturnType<typeof scopedQuery>) {
    const [row] = await builder.clearSelect().clearOrder().clearLimit().count('* as total')
    return Number(row?.total ?? 0)
  }
}

function watermarkOf(job: ExportJob, access: Access): Watermark {
  const { grant } = access
  return {
    grantCode: grant.code,
    applicant: grant.applicant?.displayName ?? String(grant.applicantId),
    organisation: grant.applicantOrg?.name ?? String(grant.applicantOrgId),
    exportedAt: clock.now().toISO({ suppressMilliseconds: true })!,
    jobId: job.id,
  }
}

/** The usage-trail row of an export run (its outcome filled in by the caller). */
export function usageOf(job: ExportJob, access: Access | null) {
  return {
    userId: job.userId,
    organisationId: access?.grant.applicantOrgId ?? null,
    apiKeyId: null,
    grantId: job.grantId,
    datasetCode: job.datasetCode,
    mode: 'export' as const,
    format: job.format,
    filter: { exportId: job.id, fields: job.query.fields, ...job.query.filters },
    purpose: access?.grant.purpose ?? null,
    ip: null,
  }
}
