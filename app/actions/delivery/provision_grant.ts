import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import DataRequest from '#models/data_request'
import Dataset from '#models/dataset'
import Grant from '#models/grant'
import GrantDataset from '#models/grant_dataset'
import clock from '#services/clock'
import { recordAudit, SYSTEM_ACTOR } from '#services/audit/audit_log'
import { grantedFields, grantedLabels, parseRowScope } from '#services/delivery/grant_terms'
import { grantDefaults } from '#config/delivery'

const CITY_ZONE = 'Asia/Shanghai'

export interface ProvisionInput {
  grantCode: string
  requestCode: string
  approvedDatasets: string[]
  validUntil: string
}

/*
 * Creates the grant of an approved request, once: the grant's business key is unique, so a
 * redelivered task (or two racing ones) finds the row instead of adding another.
 */
export default class ProvisionGrant {
  async handle(input: ProvisionInput): Promise<{ grant: Grant; created: boolean } | null> {
    const existing = await Grant.findBy('code', input.grantCode)
    if (existing) return { grant: existing, created: false }
    const request = input.requestCode ? await DataRequest.findBy('code', input.requestCode) : null
    if (!request) return null
    try {
      return { grant: await this.create(input, request), created: true }
    } catch (error) {
      const winner = await Grant.findBy('code', input.grantCode)
      if (winner) return { grant: winner, created: false }
      throw error
    }
  }

  private async create(input: ProvisionInput, request: DataRequest) {
    const datasets = await Dataset.query()
      .whereIn('code', input.approvedDatasets)
      .preload('fields', (q) => q.orderBy('position'))
    const now = clock.now()
    // "Valid until 2026-12-31" includes that whole day in the city's calendar.
    const validUntil = DateTime.fromISO(input.validUntil, { zone: CITY_ZONE })
      .plus({ days: 1 })
      .startOf('day')
      .toUTC()
    const partial = input.approvedDatasets.length < request.datasetCodes.length

    return db.transaction(async (trx) => {
      const grant = await Grant.create(
        {
          code: input.grantCode,
          requestId: request.id,
          requestCode: request.code,
          applicantId: request.applicantId,
          applicantOrgId: request.applicantOrgId,
          rowScope: parseRowScope(request.form.rowScope),
          purpose: request.form.purpose,
          scenario: request.form.scenario,
          deliveryModes: request.form.deliveryModes,
          decision: {
            requestStatus: partial ? 'partially_approved' : 'approved',
            approvedDatasets: input.approvedDatasets,
            decidedAt: now.toISO(),
          },
          validFrom: now,
          validUntil,
          rowsPerDay: grantDefaults.rowsPerDay,
          callsPerMinute: grantDefaults.callsPerMinute,
          status: 'active',
          statusReason: null,
          version: 1,
        },
        { client: trx }
      )
      for (const dataset of datasets) {
        await GrantDataset.create(
          {
            grantId: grant.id,
            datasetCode: dataset.code,
            ownerOrgId: dataset.providerOrganisationId,
            fields: grantedFields(dataset, dataset.fields, request.form.fields),
            labelScope: grantedLabels(dataset),
          },
          { client: trx }
        )
      }
      await recordAudit(
        SYSTEM_ACTOR,
        {
          action: 'grant.create',
          result: 'success',
          objectType: 'grant',
          objectId: grant.id,
          details: { code: grant.code, request: request.code, datasets: input.approvedDatasets },
        },
        trx
      )
      return grant
    })
  }
}
