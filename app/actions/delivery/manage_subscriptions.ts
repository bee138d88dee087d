import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import Grant from '#models/grant'
import Subscription from '#models/subscription'
import clock from '#services/clock'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { newSigningSecret } from '#services/subscriptions/signing_secret'
import { checkWebhookUrl } from '#services/subscriptions/webhook_target'
import { currentMark, pushQuery, storeDataset } from '#services/subscriptions/subscription_query'
import {
  DeliveryDeniedException,
  GrantNotFoundException,
  GrantStateException,
} from '#exceptions/delivery_exceptions'

export interface SubscribeInput {
  grantId: number
  datasetCode: string
  url: string
  fields?: string[]
  filters?: Record<string, unknown>
}

/*
 * Register, pause, resume, delete and re-key webhooks. The secret is returned once; audit rows
 * name the subscription and its host, never the secret.
 */
export default class ManageSubscriptions {
  async create(user: User, input: SubscribeInput, actor: AuditActor) {
    // Someone else's grant id answers exactly like a missing one.
    const grant = await Grant.query()
      .where('id', input.grantId)
      .where('applicantId', user.id)
      .preload('datasets')
      .first()
    if (!grant) throw new GrantNotFoundException(input.grantId)
    const status = grant.effectiveStatus(clock.now())
    if (status !== 'active') throw new GrantStateException(grant.id, status)
    if (!grant.deliveryModes.includes('subscription'))
      throw new DeliveryDeniedException('E_MODE_NOT_GRANTED', { mode: 'subscription' })
    const code = input.datasetCode.toUpperCase()
    const grantDataset = grant.datasets.find((d) => d.datasetCode === code)
    const dataset = storeDataset(code)
    if (!grantDataset || !dataset)
      throw new DeliveryDeniedException('E_DATASET_NOT_GRANTED', { dataset: input.datasetCode })
    const url = await checkWebhookUrl(input.url)
    const access = { grant, grantDataset }
    const fields = input.fields ?? []
    const filters = input.filters ?? {}
    const push = pushQuery(dataset, access, fields, filters)
    // New records only: the subscription starts after the newest row in scope today.
    const mark = await currentMark(push, access)
    const { secret, sealed } = newSigningSecret()
    const subscription = await db.transaction(async (trx) => {
      const created = await Subscription.create(
        {
          userId: user.id,
          grantId: grant.id,
          datasetCode: code,
          url: url.toString(),
          secretEncrypted: sealed,
          fields,
          filters,
          status: 'active',
          statusReason: null,
          mark,
          consecutiveFailures: 0,
          pendingDeliveryId: null,
          pendingRows: null,
          pendingAttempts: 0,
        },
        { client: trx }
      )
      await this.audit(actor, 'subscription.create', created, trx, { grant: grant.id })
      return created
    })
    return { subscription, secret }
  }

  pause(subscription: Subscription, actor: AuditActor) {
    if (subscription.status === 'paused') return subscription
    return this.change(subscription, actor, 'subscription.pause', {
      status: 'paused',
      statusReason: 'paused by owner',
    })
  }

  async resume(subscription: Subscription, actor: AuditActor) {
    if (subscription.status === 'active') return subscription
    const grant = await Grant.findOrFail(subscription.grantId)
    const status = grant.effectiveStatus(clock.now())
    if (status !== 'active') throw new GrantStateException(grant.id, status)
    // A fresh run of attempts; the pending batch (same delivery id) goes out on the next pass.
    return this.change(subscription, actor, 'subscription.resume', {
      status: 'active',
      statusReason: null,
      consecutiveFailures: 0,
      nextAttemptAt: null,
    })
  }

  /** Kept as `deleted` so its delivery log stays with the usage trail; it answers 404 from now on. */
  remove(subscription: Subscription, actor: AuditActor) {
    return this.change(subscription, actor, 'subscription.delete', {
      status: 'deleted',
      statusReason: 'deleted by owner',
    })
  }

  async rotate(subscription: Subscription, actor: AuditActor) {
    const { secret, sealed } = newSigningSecret()
    await this.change(subscription, actor, 'subscription.rotate', { secretEncrypted: sealed })
    return { subscription, secret }
  }

  private async change(
    subscription: Subscription,
    actor: AuditActor,
    action: string,
    values: Partial<Subscription>
  ) {
    await db.transaction(async (trx) => {
      // Row lock: the dispatcher writes the same row from another instance.
      const locked = await Subscription.query({ client: trx })
        .where('id', subscription.id)
        .forUpdate()
        .firstOrFail()
      locked.merge(values)
      await locked.save()
      subscription.merge({ ...values, updatedAt: locked.updatedAt })
      await this.audit(actor, action, subscription, trx)
    })
    return subscription
  }

  private audit(
    actor: AuditActor,
    action: string,
    subscription: Subscription,
    trx: TransactionClientContract,
    details: Record<string, unknown> = {}
  ) {
    return recordAudit(
      actor,
      {
        action,
        result: 'success',
        objectType: 'subscription',
        objectId: subscription.id,
        details: {
          dataset: subscription.datasetCode,
          host: new URL(subscription.url).host,
          ...details,
        },
      },
      trx
    )
  }
}
