import db from '@adonisjs/lucid/services/db'
import Grant from '#models/grant'
import { recordAudit, SYSTEM_ACTOR } from '#services/audit/audit_log'

/** The expiry timer fired: an active or suspended grant becomes expired (revoked stays revoked). */
export default class ExpireGrant {
  async handle(code: string): Promise<Grant | null> {
    return db.transaction(async (trx) => {
      const grant = await Grant.query({ client: trx }).where('code', code).forUpdate().first()
      if (!grant || (grant.status !== 'active' && grant.status !== 'suspended')) return grant
      grant.merge({ status: 'expired', statusReason: 'validity ended', version: grant.version + 1 })
      await grant.useTransaction(trx).save()
      await recordAudit(
        SYSTEM_ACTOR,
        {
          action: 'grant.expire',
          result: 'success',
          objectType: 'grant',
          objectId: grant.id,
          details: { code },
        },
        trx
      )
      return grant
    })
  }
}
