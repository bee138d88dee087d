import env from '#start/env'

/** Quotas a new grant starts with; owners narrow them per grant later (issue #6 part 2). */
export const grantDefaults = {
  rowsPerDay: env.get('GRANT_ROWS_PER_DAY') ?? 5_000_000,
  callsPerMinute: env.get('GRANT_CALLS_PER_MINUTE') ?? 60,
}

/** API keys live at most this long; rotation issues a fresh secret with the same scope. */
export const apiKeyMaxDays = 366

/**
 * Calls per minute across grants, per API key, per user and per client IP (SECURITY.md 14):
 * one busy key or address cannot starve the others. Mutable so tests can lower them.
 */
export const callerLimits = {
  perKey: env.get('DELIVERY_KEY_CALLS_PER_MINUTE') ?? 120,
  perUser: env.get('DELIVERY_USER_CALLS_PER_MINUTE') ?? 240,
  perIp: env.get('DELIVERY_IP_CALLS_PER_MINUTE') ?? 600,
}
