import { randomUUID } from 'node:crypto'
import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import lock from '@adonisjs/lock/services/main'
import Dataset from '#models/dataset'
import Subscription from '#models/subscription'
import clock from '#services/clock'
import { subscriptionDefaults } from '#config/delivery'
import { encoderFor } from '#services/delivery/record_encoders'
import { recordUsage, rowsToday } from '#services/delivery/usage_log'
import { sendNotifications } from '#services/notifications/notifier'
import { openSecret } from '#services/subscriptions/signing_secret'
import { postWebhook, signature, type WebhookResult } from '#services/subscriptions/webhook_sender'
import {
  markOf,
  pushQuery,
  rowsAfter,
  storeDataset,
  type PushQuery,
  type SubscriptionAccess,
} from '#services/subscriptions/subscription_query'

export const SUBSCRIPTION_LOCK_KEY = 'delivery:subscriptions'
/** Batches one subscription may send in one pass, so a backlog cannot starve the others. */
const BATCHES_PER_PASS = 20

/** Retry delay after the n-th consecutive failure: base × 2^(n−1), capped. */
export function backoffSeconds(failures: number) {
  const { retryBaseSeconds, retryMaxSeconds } = subscriptionDefaults
  return Math.min(retryMaxSeconds, retryBaseSeconds * 2 ** Math.max(0, failures - 1))
}

function sqlTime(value: DateTime) {
  return value.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')
}

/*
 * Pushes new records to webhooks. One pass at a time across instances (@adonisjs/lock); each
 * subscription's grant is checked on every pass (expired, suspended or revoked → nothing sent).
 * A batch keeps its delivery id over retries and the mark advances only after a 2xx, so a
 * receiver sees every row at least once and can drop repeats by X-EcoShare-Delivery.
 */
export class SubscriptionDispatcher {
  /** One pass; returns the delivery attempts made (0 when another instance holds the lock). */
  async runPass(): Promise<number> {
    const [ran, attempts] = await lock
      .createLock(SUBSCRIPTION_LOCK_KEY, '10m')
      .runImmediately(() => this.#scan())
    return ran ? attempts : 0
  }

  async #scan() {
    const now = sqlTime(clock.now())
    const due = await Subscription.query()
      .where('status', 'active')
      .where((q) => q.whereNull('nextAttemptAt').orWhere('nextAttemptAt', '<=', now))
      .preload('grant', (q) => q.preload('datasets'))
      .orderBy('id')
    let attempts = 0
    for (const subscription of due) {
      try {
        attempts += await this.#dispatch(subscription)
      } catch (error) {
        // One broken subscription (a dataset gone, a secret unreadable) must not stop the rest.
        logger.error(
          { err: error, subscriptionId: subscription.id },
          'subscription dispatch failed'
        )
      }
    }
    return attempts
  }

  async #dispatch(subscription: Subscription) {
    const grant = subscription.grant
    const grantDataset = grant.datasets.find((d) => d.datasetCode === subscription.datasetCode)
    const dataset = storeDataset(subscription.datasetCode)
    if (
      !grantDataset ||
      !dataset ||
      grant.effectiveStatus(clock.now()) !== 'active' ||
      !grant.deliveryModes.includes('subscription')
    )
      return 0
    const published = await Dataset.query()
      .where('code', dataset.code)
      .where('status', 'published')
      .first()
    if (!published) return 0
    const access = { grant, grantDataset }
    const push = pushQuery(dataset, access, subscription.fields, subscription.filters)
    let attempts = 0
    for (let batch = 0; batch < BATCHES_PER_PASS; batch++) {
      const outcome = await this.#deliverBatch(subscription, access, push)
      if (outcome === 'idle') break
      attempts++
      if (outcome !== 'full') break
    }
    return attempts
  }

  /** 'idle' (nothing new or quota used up), 'full' (a whole batch went out: look again), 'done'. */
  async #deliverBatch(
    subscription: Subscription,
    access: SubscriptionAccess,
    push: PushQuery
  ): Promise<'idle' | 'full' | 'done' | 'failed'> {
    const { batchRows, timeoutMs } = subscriptionDefaults
    // A retry sends the same rows under the same id; a new batch is cut to today's quota.
    const remaining = access.grant.rowsPerDay - (await rowsToday(access.grant.id))
    const limit = subscription.pendingRows ?? Math.min(batchRows, remaining)
    if (limit <= 0) return 'idle'
    const rows = await rowsAfter(push, access, subscription.mark, limit)
    if (rows.length === 0) {
      if (subscription.pendingDeliveryId) await this.#clearPending(subscription)
      return 'idle'
    }
    if (!subscription.pendingDeliveryId) {
      subscription.merge({ pendingDeliveryId: randomUUID(), pendingRows: rows.length })
      await this.#update(subscription, {
        pending_delivery_id: subscription.pendingDeliveryId,
        pending_rows: rows.length,
      })
    }
    const deliveryId = subscription.pendingDeliveryId!
    const body = this.#body(subscription, access, push, deliveryId, rows)
    const timestamp = Math.floor(clock.nowMs() / 1000)
    const result = await postWebhook(
      subscription.url,
      body,
      {
        'X-EcoShare-Signature': signature(
          openSecret(subscription.secretEncrypted),
          timestamp,
          body
        ),
        'X-EcoShare-Delivery': deliveryId,
      },
      timeoutMs
    )
    const attempt = subscription.pendingAttempts + 1
    await this.#log(subscription, deliveryId, attempt, rows.length, Buffer.byteLength(body), result)
    if (result.error === null) {
      await this.#succeeded(subscription, access, push, rows, body, result)
      return rows.length === batchRows ? 'full' : 'done'
    }
    await this.#failed(subscription, attempt, result)
    return 'failed'
  }

  #body(
    subscription: Subscription,
    access: SubscriptionAccess,
    push: PushQuery,
    deliveryId: string,
    rows: Record<string, unknown>[]
  ) {
    // The data API's own serialisers: numbers as numbers, ISO UTC date-times, granted fields only.
    const fields = push.output.map((name) => push.dataset.fields.find((f) => f.name === name)!)
    const records = encoderFor('json', fields, false).rows(rows)
    const head = JSON.stringify({
      subscription: subscription.id,
      dataset: subscription.datasetCode,
      grant: access.grant.code,
      deliveryId,
    })
    return `${head.slice(0, -1)},"records":[${records}]}`
  }

  async #succeeded(
    subscription: Subscription,
    access: SubscriptionAccess,
    push: PushQuery,
    rows: Record<string, unknown>[],
    body: string,
    result: WebhookResult
  ) {
    const now = clock.now()
    subscription.merge({
      mark: markOf(push, rows[rows.length - 1]),
      pendingDeliveryId: null,
      pendingRows: null,
      pendingAttempts: 0,
      consecutiveFailures: 0,
      nextAttemptAt: null,
    })
    await this.#update(subscription, {
      mark: JSON.stringify(subscription.mark),
      pending_delivery_id: null,
      pending_rows: null,
      pending_attempts: 0,
      consecutive_failures: 0,
      next_attempt_at: null,
      last_delivery_at: sqlTime(now),
      last_success_at: sqlTime(now),
      last_status_code: result.statusCode,
    })
    await recordUsage({
      userId: subscription.userId,
      organisationId: access.grant.applicantOrgId,
      apiKeyId: null,
      grantId: access.grant.id,
      datasetCode: subscription.datasetCode,
      mode: 'subscription',
      format: 'json',
      filter: { subscription: subscription.id, ...subscription.filters },
      rows: rows.length,
      bytes: Buffer.byteLength(body),
      durationMs: result.durationMs,
      purpose: access.grant.purpose,
      status: result.statusCode ?? 200,
      result: 'success',
      errorCode: null,
      ip: null,
    })
  }

  async #failed(subscription: Subscription, attempt: number, result: WebhookResult) {
    const failures = subscription.consecutiveFailures + 1
    const now = clock.now()
    const pause = failures >= subscriptionDefaults.maxFailures
    subscription.merge({ pendingAttempts: attempt, consecutiveFailures: failures })
    await this.#update(subscription, {
      pending_attempts: attempt,
      consecutive_failures: failures,
      next_attempt_at: sqlTime(now.plus({ seconds: backoffSeconds(failures) })),
      last_delivery_at: sqlTime(now),
      last_status_code: result.statusCode,
    })
    if (!pause) return
    const reason = `${failures} consecutive failed deliveries; last: ${result.error}`.slice(0, 500)
    // Only an active subscription is paused: the owner may have paused or deleted it meanwhile.
    const paused = await db
      .from('subscriptions')
      .where('id', subscription.id)
      .where('status', 'active')
      .update({ status: 'paused', status_reason: reason, updated_at: sqlTime(now) })
    if (Number(paused) !== 1) return
    await sendNotifications([
      {
        userId: subscription.userId,
        kind: 'subscription_paused',
        // Once per pause: a resumed subscription that fails again is a new message.
        key: `subscription_paused:${subscription.id}:${subscription.pendingDeliveryId}:${attempt}`,
        title: `数据订阅 #${subscription.id} 已暂停 / Subscription #${subscription.id} paused`,
        body: `${subscription.url}\n${reason}`,
        objectType: 'subscription',
        objectId: String(subscription.id),
        data: { subscriptionId: subscription.id, datasetCode: subscription.datasetCode },
      },
    ])
  }

  /** A retried batch whose rows vanished (relabelled, deleted): start afresh. */
  async #clearPending(subscription: Subscription) {
    subscription.merge({ pendingDeliveryId: null, pendingRows: null, pendingAttempts: 0 })
    await this.#update(subscription, {
      pending_delivery_id: null,
      pending_rows: null,
      pending_attempts: 0,
    })
  }

  /** Dispatcher-owned columns only: the owner's pause or delete meanwhile is never overwritten. */
  #update(subscription: Subscription, values: Record<string, unknown>) {
    return db
      .from('subscriptions')
      .where('id', subscription.id)
      .update({ ...values, updated_at: sqlTime(clock.now()) })
  }

  async #log(
    subscription: Subscription,
    deliveryId: string,
    attempt: number,
    rows: number,
    bytes: number,
    result: WebhookResult
  ) {
    await db.table('subscription_deliveries').insert({
      subscription_id: subscription.id,
      delivery_id: deliveryId,
      attempt,
      attempted_at: sqlTime(clock.now()),
      status_code: result.statusCode,
      duration_ms: result.durationMs,
      rows,
      bytes,
      result: result.error === null ? 'success' : 'failed',
      error: result.error,
    })
  }
}
