import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import Dataset from '#models/dataset'
import QualityCase from '#models/quality_case'
import clock from '#services/clock'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { enqueueStart } from '#services/requests/outbox'
import { QUALITY_PROCESS } from '#services/quality/case_sync'
import FieldConflictException from '#exceptions/field_conflict_exception'

export interface OpenCaseInput {
  datasetCode: string
  rule: string
  description: string
  targetScore: number
  roundWorkingDays?: number
}

/*
 * 质量整改: a failed quality check of a dataset opens a case for its provider. Case row and
 * process start (outbox) in one transaction, like a data request.
 */
export default class OpenQualityCase {
  async handle(user: User, input: OpenCaseInput, actor: AuditActor) {
    const dataset = await Dataset.query()
      .where('code', input.datasetCode)
      .preload('provider')
      .first()
    if (!dataset) {
      throw new FieldConflictException(
        'datasetCode',
        'database.exists',
        `数据集不存在 / unknown dataset: ${input.datasetCode}`
      )
    }
    const today = clock.now().setZone('Asia/Shanghai')
    const code = `QC-${today.toFormat('yyyyMMdd')}-${randomBytes(4).toString('hex').toUpperCase()}`
    const roundWorkingDays = input.roundWorkingDays ?? 5
    return db.transaction(async (trx) => {
      const qc = await QualityCase.create(
        {
          code,
          datasetId: dataset.id,
          providerOrgId: dataset.providerOrganisationId,
          rule: input.rule,
          description: input.description,
          targetScore: input.targetScore,
          roundWorkingDays,
          status: 'opened',
          round: 0,
          escalated: false,
          openedBy: user.id,
          processInstanceId: null,
          version: 1,
          openedAt: clock.now(),
          closedAt: null,
        },
        { client: trx }
      )
      await enqueueStart(
        QUALITY_PROCESS,
        code,
        {
          caseCode: code,
          datasetCode: dataset.code,
          providerOrg: dataset.provider.code,
          targetScore: input.targetScore,
          roundWorkingDays,
          rule: input.rule,
        },
        trx
      )
      await recordAudit(
        actor,
        {
          action: 'quality.open',
          result: 'success',
          objectType: 'quality_case',
          objectId: code,
          details: { dataset: dataset.code, rule: input.rule },
        },
        trx
      )
      return qc
    })
  }
}
