import limiter from '@adonisjs/limiter/services/main'
import type ApiKey from '#models/api_key'
import type Grant from '#models/grant'
import type GrantDataset from '#models/grant_dataset'
import clock from '#services/clock'
import { callerLimits } from '#config/delivery'
import { rowsToday, secondsUntilTomorrow } from '#services/delivery/usage_log'
import { DeliveryDeniedException, QuotaExceededException } from '#exceptions/delivery_exceptions'

export interface Access {
  grant: Grant
  grantDataset: GrantDataset
}

const DENIAL = {
  expired: 'E_GRANT_EXPIRED',
  suspended: 'E_GRANT_SUSPENDED',
  revoked: 'E_GRANT_REVOKED',
} as const

/*
 * The grant a key may use for a dataset, checked on every call against `clock` (the expiry
 * timer may run late): the first effectively active grant wins; otherwise the call is refused
 * with the reason of the newest grant, so a revoked grant is reported as revoked.
 */
export function grantFor(key: ApiKey, datasetCode: string, mode: string): Access {
  const now = clock.now()
  const candidates = key.grants
    .map((grant) => ({
      grant,
      grantDataset: grant.datasets.find((d) => d.datasetCode === datasetCode),
    }))
    .filter((c): c is Access => c.grantDataset !== undefined)
    .sort((a, b) => b.grant.id - a.grant.id)
  if (candidates.length === 0)
    throw new DeliveryDeniedException('E_DATASET_NOT_GRANTED', { dataset: datasetCode })
  const active = candidates.find((c) => c.grant.effectiveStatus(now) === 'active')
  if (!active) {
    const status = candidates[0].grant.effectiveStatus(now) as keyof typeof DENIAL
    throw new DeliveryDeniedException(DENIAL[status], { grant: candidates[0].grant.code })
  }
  if (!active.grant.deliveryModes.includes(mode))
    throw new DeliveryDeniedException('E_MODE_NOT_GRANTED', { mode })
  return active
}

/** Fields outside the grant are refused by name, never silently dropped. */
export function checkFields(access: Access, touched: string[]) {
  const outside = touched.filter((name) => !access.grantDataset.fields.includes(name))
  if (outside.length > 0)
    throw new DeliveryDeniedException(
      'E_FIELDS_NOT_GRANTED',
      { fields: outside.join(', ') },
      outside.map((field) => ({ field, rule: 'notGranted' }))
    )
}

/** Calls per minute (limiter, 429 + Retry-After) and rows per day; returns the rows still allowed today. */
export async function checkQuota(grant: Grant): Promise<number> {
  await limiter
    .use({ requests: grant.callsPerMinute, duration: '1 minute' })
    .consume(`delivery_grant_${grant.code}`)
  const remaining = grant.rowsPerDay - (await rowsToday(grant.id))
  if (remaining <= 0) throw new QuotaExceededException(secondsUntilTomorrow(), grant.rowsPerDay)
  return remaining
}

export interface Caller {
  userId: number
  apiKeyId: number | null
  ip: string
}

/** Per key, per user and per client IP, whatever the grant (429 + Retry-After from the limiter). */
export async function checkCallerRate(caller: Caller) {
  const buckets: [string, number][] = [
    [`delivery_user_${caller.userId}`, callerLimits.perUser],
    [`delivery_ip_${caller.ip}`, callerLimits.perIp],
  ]
  if (caller.apiKeyId !== null)
    buckets.unshift([`delivery_key_${caller.apiKeyId}`, callerLimits.perKey])
  for (const [key, requests] of buckets)
    await limiter.use({ requests, duration: '1 minute' }).consume(key)
}
