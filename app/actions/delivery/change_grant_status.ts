import db from '@adonisjs/lucid/services/db'
import Grant, { type GrantStatus } from '#models/grant'
import clock from '#services/clock'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { GrantStateException } from '#exceptions/delivery_exceptions'

export type GrantAction = 'suspend' | 'resume' | 'revoke'

const TRANSITIONS: Record<GrantAction, { from: GrantStatus[]; to: GrantStatus }> = {
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
}

/*
 * Suspend / resume / revoke by an owner or the security officer. The row is locked so two
 * officers acting at once produce one change; state change and audit commit together.
 */
export default class ChangeGrantStatus {
  async handle(grantId: number, action: GrantAction, reason: string, actor: AuditActor) {
    return db.transaction(async (trx) => {
      const grant = await Grant.query({ client: trx })
        .where('id', grantId)
        .forUpdate()
        .firstOrFail()
      const transition = TRANSITIONS[action]
      const effective = grant.effectiveStatus(clock.now())
      if (!transition.from.includes(grant.status) || effective === 'expired')
        throw new GrantStateException(grant.id, effective)
      const previous = grant.status
      grant.merge({ status: transition.to, statusReason: reason, version: grant.version + 1 })
      await grant.useTransaction(trx).save()
      await recordAudit(
        actor,
        {
          action: `grant.${action}`,
          result: 'success',
          objectType: 'grant',
          objectId: grant.id,
          details: { code: grant.code, from: previous, to: transition.to, reason },
        },
        trx
      )
      return grant
    })
  }
}
