import { http } from './http'
import type { Envelope, PageQuery, Paginated } from './types'

export type SubscriptionStatus = 'active' | 'paused'

export interface Subscription {
  id: number
  grantId: number
  grantCode: string | null
  datasetCode: string
  url: string
  /** Empty: every field of the grant. */
  fields: string[]
  filters: Record<string, unknown>
  status: SubscriptionStatus
  statusReason: string | null
  consecutiveFailures: number
  pendingDeliveryId: string | null
  nextAttemptAt: string | null
  lastDeliveryAt: string | null
  lastSuccessAt: string | null
  lastStatusCode: number | null
  createdAt: string
}

/** Create and rotate answer with the signing secret, once. */
export type SubscriptionWithSecret = Subscription & { secret: string }

export interface SubscriptionDelivery {
  id: number
  deliveryId: string
  attempt: number
  attemptedAt: string
  statusCode: number | null
  durationMs: number
  rows: number
  bytes: number
  result: 'success' | 'failed'
  error: string | null
}

export interface CreateSubscriptionBody {
  grantId: number
  datasetCode: string
  url: string
  fields?: string[]
  filters?: Record<string, unknown>
}

/** The part of a grant the create dialog needs (GET /grants returns more). */
export interface SubscribableGrant {
  id: number
  code: string
  purpose: string
  deliveryModes: string[]
  validUntil: string
  datasets: { code: string; fields: string[] }[]
}

export async function listSubscriptions(
  query: PageQuery & { status?: SubscriptionStatus }
): Promise<Paginated<Subscription>> {
  const res = await http.get<Paginated<Subscription>>('/subscriptions', { params: query })
  return res.data
}

export async function createSubscription(
  body: CreateSubscriptionBody
): Promise<SubscriptionWithSecret> {
  const res = await http.post<Envelope<SubscriptionWithSecret>>('/subscriptions', body)
  return res.data.data
}

export async function changeSubscription(
  id: number,
  action: 'pause' | 'resume'
): Promise<Subscription> {
  const res = await http.post<Envelope<Subscription>>(`/subscriptions/${id}/${action}`)
  return res.data.data
}

export async function rotateSubscriptionSecret(id: number): Promise<SubscriptionWithSecret> {
  const res = await http.post<Envelope<SubscriptionWithSecret>>(`/subscriptions/${id}/rotate`)
  return res.data.data
}

export async function deleteSubscription(id: number): Promise<void> {
  await http.delete(`/subscriptions/${id}`)
}

export async function listDeliveries(
  id: number,
  query: PageQuery
): Promise<Paginated<SubscriptionDelivery>> {
  const res = await http.get<Paginated<SubscriptionDelivery>>(`/subscriptions/${id}/deliveries`, {
    params: query,
  })
  return res.data
}

/** My active grants that carry the subscription mode (the only ones a webhook can use). */
export async function listSubscribableGrants(): Promise<SubscribableGrant[]> {
  const res = await http.get<Paginated<SubscribableGrant>>('/grants', {
    params: { view: 'mine', status: 'active', perPage: 100 },
  })
  return res.data.data.filter((g) => g.deliveryModes.includes('subscription'))
}
