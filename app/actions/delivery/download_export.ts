import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import Dataset from '#models/dataset'
import type ExportJob from '#models/export_job'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { exportAccess } from '#services/delivery/export_access'
import { checkLink } from '#services/delivery/export_link'
import { recordUsage } from '#services/delivery/usage_log'
import AppException from '#exceptions/app_exception'
import { ExportLinkException } from '#exceptions/export_exceptions'

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/*
 * Streams an export's file to its owner. Order: link signature (401 if altered) → link expiry
 * (410) → file still kept (410) → the grant, checked now (403 once revoked or expired) → bytes.
 * Every attempt is audited and leaves a usage row with mode 'download' (rows 0: the rows were
 * counted against the quota when the export ran).
 */
export default class DownloadExport {
  async handle(ctx: HttpContext, job: ExportJob, actor: AuditActor) {
    const started = performance.now()
    const usage = {
      userId: job.userId,
      organisationId: actor.organisationId,
      apiKeyId: null,
      grantId: job.grantId,
      datasetCode: job.datasetCode,
      mode: 'download' as const,
      format: job.format,
      filter: { exportId: job.id },
      rows: 0,
      purpose: null as string | null,
      ip: actor.ip,
    }
    try {
      const { expires, signature } = ctx.request.qs()
      const link = checkLink(job.id, job.userId, expires, signature)
      if (link !== 'valid')
        throw new ExportLinkException(
          link === 'expired' ? 'E_EXPORT_LINK_EXPIRED' : 'E_EXPORT_LINK_INVALID'
        )
      const disk = drive.use()
      if (job.status !== 'succeeded' || !job.fileKey || !(await disk.exists(job.fileKey)))
        throw new ExportLinkException('E_EXPORT_GONE')
      const access = await exportAccess(job.grantId, job.userId, job.datasetCode)
      usage.purpose = access.grant.purpose
      const body = await disk.getStream(job.fileKey)
      await recordAudit(actor, this.#entry(job, 'success'))
      await recordUsage({
        ...usage,
        bytes: job.bytes,
        durationMs: performance.now() - started,
        status: 200,
        result: 'success',
        errorCode: null,
      })
      const response = ctx.response
      response.header('Content-Type', CONTENT_TYPES[job.format])
      response.header('Content-Length', String(job.bytes))
      response.header('Content-Disposition', await contentDisposition(job))
      response.header('Cache-Control', 'no-store')
      response.header('X-Content-Type-Options', 'nosniff')
      response.stream(body)
    } catch (error) {
      const status = error instanceof AppException ? error.status : 500
      const code = String((error as any)?.code ?? 'E_INTERNAL').slice(0, 40)
      await recordAudit(actor, { ...this.#entry(job, 'denied'), details: { code } })
      await recordUsage({
        ...usage,
        bytes: 0,
        durationMs: performance.now() - started,
        status,
        result: status >= 500 ? 'error' : 'denied',
        errorCode: code,
      })
      throw error
    }
  }

  #entry(job: ExportJob, result: 'success' | 'denied') {
    return {
      action: 'export.download',
      result,
      objectType: 'export_job',
      objectId: job.id,
      details: { dataset: job.datasetCode, format: job.format, bytes: job.bytes },
    }
  }
}

/** `attachment` with an ASCII fallback and the Chinese name per RFC 5987 (`filename*=UTF-8''…`). */
async function contentDisposition(job: ExportJob) {
  const dataset = await Dataset.query().where('code', job.datasetCode).select('name_zh').first()
  const ascii = `${job.datasetCode}_export_${job.id}.${job.format}`
  const name = `${dataset?.nameZh ?? job.datasetCode}_导出${job.id}.${job.format}`
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
