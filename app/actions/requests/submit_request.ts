import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type User from '#models/user'
import Dataset from '#models/dataset'
import Organisation from '#models/organisation'
import DataRequest, { type RequestForm } from '#models/data_request'
import Grant from '#models/grant'
import clock from '#services/clock'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { enqueueStart } from '#services/requests/outbox'
import { checkRowScope } from '#services/catalog/scope_options'
import { viewerOf } from '#services/catalog/catalog_viewer'
import FieldConflictException from '#exceptions/field_conflict_exception'
import DatasetNotSharedException from '#exceptions/dataset_not_shared_exception'
import type { submitRequestValidator } from '#validators/request'

type Input = Infer<typeof submitRequestValidator>

const INTERNAL_TYPES = new Set(['city_bureau', 'district_bureau', 'division', 'city_department'])
const MAX_VALIDITY_DAYS = 3 * 366

/*
 * Stores the request and its process start (outbox) in one transaction. The catalog decides the
 * route: labels of the requested datasets become process variables (APPROVALS.md §6).
 */
export default class SubmitRequest {
  async handle(user: User, input: Input, actor: AuditActor): Promise<DataRequest> {
    const today = clock.now().setZone('Asia/Shanghai').startOf('day')
    const code = `REQ-${today.toFormat('yyyyMMdd')}-${randomBytes(4).toString('hex').toUpperCase()}`
    const previous = input.previousGrantId
      ? await this.previousGrant(user, input.previousGrantId)
      : null
    const { form, variables, organisation } = await this.prepare(user, input, code)
    if (previous) variables.previousGrant = previous.code

    return db.transaction(async (trx) => {
      const request = await DataRequest.create(
        {
          code,
          applicantId: user.id,
          applicantOrgId: organisation.id,
          status: 'submitted',
          form,
          datasetCodes: form.datasets,
          approvedCodes: null,
          processInstanceId: null,
          outcomeReason: null,
          previousGrantId: previous?.id ?? null,
          version: 1,
          submittedAt: clock.now(),
        },
        { client: trx }
      )
      await enqueueStart('data_request', code, variables, trx)
      await recordAudit(
        actor,
        {
          action: 'request.submit',
          result: 'success',
          objectType: 'data_request',
          objectId: code,
          details: { datasets: form.datasets, previousGrant: previous?.code ?? null },
        },
        trx
      )
      return request
    })
  }

  /** 续期 / 变更范围 names one of the applicant's own grants; anyone else's is "not found". */
  private async previousGrant(user: User, id: number) {
    const grant = await Grant.query().where('id', id).where('applicantId', user.id).first()
    if (!grant)
      throw new FieldConflictException(
        'previousGrantId',
        'database.exists',
        '授权不存在或不属于您 / no such grant of yours'
      )
    return grant
  }

  /**
   * Checks the form against the catalog and turns it into the process variables; the amend step
   * (after a return) goes through the same checks.
   */
  async prepare(user: User, input: Input, code: string) {
    const datasets = await Dataset.query()
      .whereIn('code', input.datasets)
      .preload('provider')
      .preload('fields')
    const missing = input.datasets.filter((wanted) => !datasets.some((d) => d.code === wanted))
    if (missing.length) {
      throw new FieldConflictException(
        'datasets',
        'database.exists',
        `数据集不存在 / unknown dataset: ${missing.join(', ')}`
      )
    }
    const refused = datasets.filter((d) => d.sharingAttribute === 'not_shared')
    if (refused.length)
      throw new DatasetNotSharedException(
        refused.map((d) => ({ code: d.code, legalBasis: d.legalBasis }))
      )

    const knownFields = new Set(datasets.flatMap((d) => d.fields.map((f) => f.name)))
    const unknownFields = (input.fields ?? []).filter((name) => !knownFields.has(name))
    if (unknownFields.length) {
      throw new FieldConflictException(
        'fields',
        'database.exists',
        `字段不属于所申请的数据集 / not a field of the requested datasets: ${unknownFields.join(', ')}`
      )
    }
    const today = clock.now().setZone('Asia/Shanghai').startOf('day')
    // VineJS parses YYYY-MM-DD as local midnight; read it back in the same zone.
    const validUntil = DateTime.fromJSDate(input.validUntil).toISODate()!
    const days = DateTime.fromISO(validUntil, { zone: 'Asia/Shanghai' }).diff(today, 'days').days
    if (days < 1 || days > MAX_VALIDITY_DAYS) {
      throw new FieldConflictException(
        'validUntil',
        'range',
        '有效期须晚于今天且不超过三年 / must be after today and within three years'
      )
    }

    const organisation = await Organisation.findOrFail(user.organisationId)
    const rowScope =
      input.rowScope && typeof input.rowScope === 'object'
        ? await checkRowScope(input.rowScope, input.datasets, await this.viewer(user))
        : (input.rowScope ?? null)
    const form: RequestForm = {
      datasets: input.datasets,
      fields: input.fields ?? [],
      rowScope,
      purpose: input.purpose,
      scenario: input.scenario,
      legalBasis: input.legalBasis,
      validUntil,
      deliveryModes: input.deliveryModes,
      contact: input.contact,
      appealJustification: input.appealJustification ?? null,
    }
    const variables: Record<string, unknown> = {
      requestCode: code,
      applicant: String(user.id),
      applicantOrg: organisation.code,
      applicantInternal: INTERNAL_TYPES.has(organisation.type),
      validUntil: form.validUntil,
      purpose: form.purpose,
      datasets: datasets.map((d) => ({
        code: d.code,
        sharingAttribute: d.sharingAttribute === 'not_shared' ? 'none' : d.sharingAttribute,
        grade: d.grade,
        secret: Boolean(d.secrecyLabel),
        unpublished: false,
        ownerOrg: d.provider.code,
        legalBasis: d.legalBasis,
      })),
    }
    return { form, variables, organisation }
  }

  private async viewer(user: User) {
    if (!user.$preloaded.organisation) await user.load('organisation')
    if (!user.$preloaded.roleRows) await user.load('roleRows')
    return viewerOf(user)
  }
}
