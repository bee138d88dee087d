import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import ExportJob, { OPEN_STATUSES, type ExportFormat } from '#models/export_job'
import { exportLimits } from '#config/exports'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { checkFields, checkQuota, type Access } from '#services/delivery/grant_access'
import { exportAccess, parseExportQuery } from '#services/delivery/export_access'
import { findDataset } from '#services/delivery/published_dataset'
import { recordUsage } from '#services/delivery/usage_log'
import AppException from '#exceptions/app_exception'
import { TooManyExportsException } from '#exceptions/export_exceptions'

export interface ExportInput {
  grantId: number
  datasetCode: string
  format: ExportFormat
  fields?: string[]
  filters?: Record<string, unknown>
  bom?: boolean
}

/*
 * Queues an export after every check a data call makes (grant, mode, dataset, query, fields,
 * calls per minute and rows left today), so a job that cannot succeed is refused now with the
 * reason, not later. The same Idempotency-Key returns the job it created the first time.
 */
export default class CreateExport {
  async handle(user: User, input: ExportInput, idempotencyKey: string | null, actor: AuditActor) {
    if (idempotencyKey) {
      const earlier = await this.#byKey(user.id, idempotencyKey)
      if (earlier) return { job: earlier, created: false }
    }
    let access: Access | null = null
    try {
      access = await exportAccess(input.grantId, user.id, input.datasetCode.toUpperCase())
      const dataset = await findDataset(access.grantDataset.datasetCode)
      const query = {
        fields: input.fields ?? [],
        filters: input.filters ?? {},
        bom: input.bom ?? false,
      }
      checkFields(access, parseExportQuery(dataset, query).touched)
      await checkQuota(access.grant)
      await this.#checkConcurrency(user.id)
      return await this.#queue(user, access, input.format, query, idempotencyKey, actor)
    } catch (error) {
      // Refusals on a grant the caller holds are part of its usage trail, like refused data calls.
      if (access && error instanceof AppException)
        await recordUsage({
          userId: user.id,
          organisationId: user.organisationId,
          apiKeyId: null,
          grantId: access.grant.id,
          datasetCode: access.grantDataset.datasetCode,
          mode: 'export',
          format: input.format,
          filter: { fields: input.fields ?? [], ...input.filters },
          rows: 0,
          bytes: 0,
          durationMs: 0,
          purpose: access.grant.purpose,
          status: error.status,
          result: 'denied',
          errorCode: String(error.code).slice(0, 40),
          ip: actor.ip,
        })
      throw error
    }
  }

  async #checkConcurrency(userId: number) {
    const [{ open }] = await db
      .from('export_jobs')
      .where('user_id', userId)
      .whereIn('status', OPEN_STATUSES)
      .count('* as open')
    if (Number(open) >= exportLimits.maxConcurrentPerUser)
      throw new TooManyExportsException(
        exportLimits.pollSeconds * 15,
        exportLimits.maxConcurrentPerUser
      )
  }

  async #queue(
    user: User,
    access: Access,
    format: ExportFormat,
    query: ExportJob['query'],
    idempotencyKey: string | null,
    actor: AuditActor
  ) {
    try {
      const job = await db.transaction(async (trx) => {
        const created = await ExportJob.create(
          {
            userId: user.id,
            grantId: access.grant.id,
            datasetCode: access.grantDataset.datasetCode,
            format,
            query,
            status: 'queued',
            rowsWritten: 0,
            bytes: 0,
            attempts: 0,
            idempotencyKey,
          },
          { client: trx }
        )
        await recordAudit(
          actor,
          {
            action: 'export.create',
            result: 'success',
            objectType: 'export_job',
            objectId: created.id,
            details: {
              grant: access.grant.code,
              dataset: created.datasetCode,
              format,
              fields: query.fields,
              filters: query.filters,
            },
          },
          trx
        )
        return created
      })
      return { job, created: true }
    } catch (error) {
      // Two submissions with one key raced: the unique (user, key) index let one through.
      const winner = idempotencyKey ? await this.#byKey(user.id, idempotencyKey) : null
      if (winner) return { job: winner, created: false }
      throw error
    }
  }

  #byKey(userId: number, key: string) {
    return ExportJob.query().where('userId', userId).where('idempotencyKey', key).first()
  }
}
