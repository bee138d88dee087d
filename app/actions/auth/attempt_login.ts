import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import User from '#models/user'
import clock from '#services/clock'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import InvalidCredentialsException from '#exceptions/invalid_credentials_exception'

const MAX_FAILURES = env.get('LOGIN_MAX_FAILURES') ?? 5
const LOCK_MINUTES = env.get('LOGIN_LOCK_MINUTES') ?? 15

// Hash of a random string: verifying against it keeps unknown-user timing close to a real check.
let decoyHash: string | undefined

/*
 * Checks a username/password with lockout (5 failures → 15 minutes). Every outcome is
 * audited; the caller sees one generic error whatever went wrong.
 */
export default class AttemptLogin {
  async handle(username: string, password: string, actor: AuditActor): Promise<User> {
    const user = await User.query()
      .where('username', username)
      .preload('roleRows')
      .preload('organisation')
      .first()
    const who = {
      ...actor,
      actorId: user?.id ?? null,
      actorUsername: username,
      organisationId: user?.organisationId ?? null,
    }

    if (!user) {
      decoyHash ??= await hash.make('decoy-password-for-timing')
      await hash.verify(decoyHash, password)
      return this.fail(who, 'unknown_user')
    }
    if (user.lockedUntil && user.lockedUntil > clock.now()) {
      return this.fail(who, 'locked', user.id)
    }
    if (user.status !== 'active') return this.fail(who, 'disabled', user.id)

    if (!(await hash.verify(user.password, password))) {
      await this.registerFailure(user, who)
      return this.fail(who, 'wrong_password', user.id)
    }

    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.failedLoginCount = 0
      user.lockedUntil = null
      user.lastLoginAt = clock.now()
      await user.save()
      await recordAudit(
        who,
        { action: 'auth.login', result: 'success', objectType: 'user', objectId: user.id },
        trx
      )
    })
    return user
  }

  private async registerFailure(user: User, who: AuditActor) {
    await db.transaction(async (trx) => {
      const fresh = await User.query({ client: trx }).where('id', user.id).forUpdate().firstOrFail()
      fresh.failedLoginCount += 1
      if (fresh.failedLoginCount >= MAX_FAILURES) {
        fresh.failedLoginCount = 0
        fresh.lockedUntil = clock.now().plus({ minutes: LOCK_MINUTES })
        await recordAudit(
          who,
          {
            action: 'auth.lockout',
            result: 'success',
            objectType: 'user',
            objectId: user.id,
            details: { minutes: LOCK_MINUTES },
          },
          trx
        )
      }
      await fresh.save()
    })
  }

  private async fail(who: AuditActor, reason: string, userId?: number): Promise<never> {
    await recordAudit(who, {
      action: 'auth.login',
      result: 'failure',
      objectType: 'user',
      objectId: userId ?? null,
      details: { reason },
    })
    throw new InvalidCredentialsException()
  }
}
