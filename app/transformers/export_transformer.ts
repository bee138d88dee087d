import type ExportJob from '#models/export_job'

/*
 * Allow-list shape of an export job; the storage key never leaves the server. The error's text
 * (it may name paths or hosts) is for the admins' list (`?all=1`); owners get its code.
 */
export function transformExport(job: ExportJob, { forAdmin = false } = {}) {
  const total = job.rowsTotal
  return {
    id: job.id,
    userId: job.userId,
    grantId: job.grantId,
    datasetCode: job.datasetCode,
    format: job.format,
    fields: job.query.fields,
    filters: job.query.filters,
    bom: job.query.bom,
    status: job.status,
    rowsWritten: job.rowsWritten,
    rowsTotal: total,
    progress:
      job.status === 'succeeded'
        ? 100
        : total
          ? Math.min(99, Math.floor((job.rowsWritten / total) * 100))
          : 0,
    bytes: job.bytes,
    downloadable: job.status === 'succeeded' && job.fileKey !== null,
    attempts: job.attempts,
    errorCode: job.errorCode,
    ...(forAdmin ? { errorMessage: job.errorMessage } : {}),
    nextAttemptAt: job.nextAttemptAt?.toISO() ?? null,
    startedAt: job.startedAt?.toISO() ?? null,
    finishedAt: job.finishedAt?.toISO() ?? null,
    createdAt: job.createdAt.toISO(),
  }
}
