import type Subscription from '#models/subscription'

/** Allow-list shapes; the sealed secret and the high-water mark (key values) never leave. */
export function transformSubscription(subscription: Subscription) {
  return {
    id: subscription.id,
    grantId: subscription.grantId,
    grantCode: subscription.$preloaded.grant ? subscription.grant.code : null,
    datasetCode: subscription.datasetCode,
    url: subscription.url,
    fields: subscription.fields,
    filters: subscription.filters,
    status: subscription.status,
    statusReason: subscription.statusReason,
    consecutiveFailures: subscription.consecutiveFailures,
    pendingDeliveryId: subscription.pendingDeliveryId,
    nextAttemptAt: subscription.nextAttemptAt?.toISO() ?? null,
    lastDeliveryAt: subscription.lastDeliveryAt?.toISO() ?? null,
    lastSuccessAt: subscription.lastSuccessAt?.toISO() ?? null,
    lastStatusCode: subscription.lastStatusCode,
    createdAt: subscription.createdAt.toISO(),
  }
}

export interface DeliveryRow {
  id: number | string
  delivery_id: string
  attempt: number
  attempted_at: string | Date
  status_code: number | null
  duration_ms: number
  rows: number | string
  bytes: number | string
  result: string
  error: string | null
}

export function transformDelivery(row: DeliveryRow) {
  const at = row.attempted_at
  return {
    id: Number(row.id),
    deliveryId: row.delivery_id,
    attempt: Number(row.attempt),
    attemptedAt:
      at instanceof Date ? at.toISOString() : `${String(at).replace(' ', 'T').slice(0, 19)}Z`,
    statusCode: row.status_code === null ? null : Number(row.status_code),
    durationMs: Number(row.duration_ms),
    rows: Number(row.rows),
    bytes: Number(row.bytes),
    result: row.result,
    error: row.error,
  }
}
