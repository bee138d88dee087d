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

/*
 * Push subscriptions (webhooks). Loopback over plain http only when SUBSCRIPTION_ALLOW_LOOPBACK
 * is set outside production (tests, a developer's receiver); private networks only when listed
 * in SUBSCRIPTION_ALLOWED_NETWORKS (CIDRs or addresses, comma-separated).
 */
export const subscriptionDefaults = {
  allowLoopback:
    env.get('NODE_ENV') !== 'production' && (env.get('SUBSCRIPTION_ALLOW_LOOPBACK') ?? false),
  allowedNetworks: (env.get('SUBSCRIPTION_ALLOWED_NETWORKS') ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
  /** Consecutive failed attempts before a subscription is paused (also the attempts per batch). */
  maxFailures: env.get('SUBSCRIPTION_MAX_FAILURES') ?? 5,
  retryBaseSeconds: 30,
  retryMaxSeconds: 3600,
  timeoutMs: env.get('SUBSCRIPTION_TIMEOUT_MS') ?? 10_000,
  batchRows: 500,
  pollSeconds: env.get('SUBSCRIPTION_POLL_SECONDS') ?? 30,
}
