import db from '@adonisjs/lucid/services/db'
import Grant from '#models/grant'
import clock from '#services/clock'
import { grantDefaults } from '#config/delivery'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { GrantStateException } from '#exceptions/delivery_exceptions'
import FieldConflictException from '#exceptions/field_conflict_exception'

export interface QuotaChange {
  rowsPerDay?: number
  callsPerMinute?: number
  reason: string
}

/*
 * An owner or the security officer narrows (or restores, up to the platform defaults) a grant's
 * rows per day and calls per minute; the next call is measured against the new figures.
 */
export default class ChangeGrantQuota {
  async handle(grantId: number, change: QuotaChange, actor: AuditActor) {
    if (change.rowsPerDay === undefined && change.callsPerMinute === undefined)
      throw new FieldConflictException(
        'rowsPerDay',
        'required',
        '请至少修改一项配额 / change at least one quota'
      )
    for (const name of ['rowsPerDay', 'callsPerMinute'] as const) {
      const value = change[name]
      if (value !== undefined && value > grantDefaults[name])
        throw new FieldConflictException(
          name,
          'max',
          `不能超过平台上限 ${grantDefaults[name]} / at most the platform limit ${grantDefaults[name]}`
        )
    }
    return db.transaction(async (trx) => {
      const grant = await Grant.query({ client: trx })
        .where('id', grantId)
        .forUpdate()
        .firstOrFail()
      const effective = grant.effectiveStatus(clock.now())
      if (effective === 'revoked' || effective === 'expired')
        throw new GrantStateException(grant.id, effective)
      const before = { rowsPerDay: grant.rowsPerDay, callsPerMinute: grant.callsPerMinute }
      grant.merge({
        rowsPerDay: change.rowsPerDay ?? grant.rowsPerDay,
        callsPerMinute: change.callsPerMinute ?? grant.callsPerMinute,
        version: grant.version + 1,
      })
      await grant.useTransaction(trx).save()
      await recordAudit(
        actor,
        {
          action: 'grant.quota',
          result: 'success',
          objectType: 'grant',
          objectId: grant.id,
          details: {
            code: grant.code,
            before,
            after: { rowsPerDay: grant.rowsPerDay, callsPerMinute: grant.callsPerMinute },
            reason: change.reason,
          },
        },
        trx
      )
      return grant
    })
  }
}
