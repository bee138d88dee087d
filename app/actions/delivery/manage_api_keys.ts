import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import ApiKey from '#models/api_key'
import Grant from '#models/grant'
import clock from '#services/clock'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { newSecret } from '#services/delivery/api_key_secret'
import { GrantNotFoundException, GrantStateException } from '#exceptions/delivery_exceptions'
import { apiKeyMaxDays } from '#config/delivery'

export interface IssueInput {
  name: string
  grantIds: number[]
  expiresInDays?: number
}

/*
 * Issue, rotate and revoke API keys. The secret is returned once and only its hash stored;
 * audit rows name the key id and prefix, never the secret.
 */
export default class ManageApiKeys {
  async issue(user: User, input: IssueInput, actor: AuditActor) {
    const grants = await Grant.query().whereIn('id', input.grantIds).where('applicantId', user.id)
    const missing = input.grantIds.filter((id) => !grants.some((g) => g.id === id))
    // Someone else's grant id answers exactly like a missing one.
    if (missing.length) throw new GrantNotFoundException(missing[0])
    const now = clock.now()
    const unusable = grants.find(
      (g) => g.effectiveStatus(now) !== 'active' || !g.deliveryModes.includes('api')
    )
    if (unusable) throw new GrantStateException(unusable.id, unusable.effectiveStatus(now))
    // A key's life is its own; each call still checks the validity of the grant it uses.
    const expiresAt = now.plus({ days: Math.min(input.expiresInDays ?? 90, apiKeyMaxDays) })
    const { secret, hash, prefix } = newSecret()
    const key = await db.transaction(async (trx) => {
      const created = await ApiKey.create(
        { userId: user.id, name: input.name, prefix, keyHash: hash, status: 'active', expiresAt },
        { client: trx }
      )
      await created.related('grants').attach(input.grantIds, trx)
      await this.audit(actor, 'api_key.issue', created, { grants: input.grantIds }, trx)
      return created
    })
    return { key, secret }
  }

  async rotate(key: ApiKey, actor: AuditActor) {
    if (key.status !== 'active' || key.expiresAt <= clock.now())
      throw new GrantStateException(key.id, key.status === 'active' ? 'expired' : key.status)
    const { secret, hash, prefix } = newSecret()
    await db.transaction(async (trx) => {
      key.merge({ keyHash: hash, prefix, rotatedAt: clock.now() })
      await key.useTransaction(trx).save()
      await this.audit(actor, 'api_key.rotate', key, {}, trx)
    })
    return { key, secret }
  }

  async revoke(key: ApiKey, actor: AuditActor) {
    if (key.status === 'revoked') return key
    await db.transaction(async (trx) => {
      key.merge({ status: 'revoked', revokedAt: clock.now() })
      await key.useTransaction(trx).save()
      await this.audit(actor, 'api_key.revoke', key, {}, trx)
    })
    return key
  }

  private audit(
    actor: AuditActor,
    action: string,
    key: ApiKey,
    details: Record<string, unknown>,
    trx: Parameters<typeof recordAudit>[2]
  ) {
    return recordAudit(
      actor,
      {
        action,
        result: 'success',
        objectType: 'api_key',
        objectId: key.id,
        details: { prefix: key.prefix, ...details },
      },
      trx
    )
  }
}
