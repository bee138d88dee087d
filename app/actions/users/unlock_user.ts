import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'

/** Security admin clears a lockout before it runs out. */
export default class UnlockUser {
  async handle(userId: number, actor: AuditActor): Promise<User> {
    return db.transaction(async (trx) => {
      const user = await User.query({ client: trx }).where('id', userId).forUpdate().firstOrFail()
      const wasLockedUntil = user.lockedUntil?.toISO() ?? null
      user.lockedUntil = null
      user.failedLoginCount = 0
      await user.save()
      await recordAudit(
        actor,
        {
          action: 'user.unlock',
          result: 'success',
          objectType: 'user',
          objectId: user.id,
          details: { wasLockedUntil },
        },
        trx
      )
      return User.query({ client: trx })
        .where('id', user.id)
        .preload('roleRows')
        .preload('organisation')
        .firstOrFail()
    })
  }
}
