import env from '#start/env'

/*
 * File export limits. A job over a cap fails with a code naming it rather than producing a
 * truncated file; links are short-lived because a copied URL should not outlive the session.
 */
export const exportLimits = {
  maxRows: env.get('EXPORT_MAX_ROWS') ?? 1_000_000,
  maxBytes: env.get('EXPORT_MAX_BYTES') ?? 512 * 1024 * 1024,
  maxConcurrentPerUser: env.get('EXPORT_MAX_CONCURRENT') ?? 2,
  retentionHours: env.get('EXPORT_RETENTION_HOURS') ?? 72,
  maxAttempts: env.get('EXPORT_MAX_ATTEMPTS') ?? 3,
  linkMinutes: env.get('EXPORT_LINK_MINUTES') ?? 5,
  pollSeconds: env.get('EXPORT_POLL_SECONDS') ?? 2,
  /** Jobs one app instance runs at once (each claimed by its own guarded UPDATE). */
  concurrency: env.get('EXPORT_CONCURRENCY') ?? 2,
  /** Back-off before attempt n+1: base × 4^(n-1), so 30 s, 2 min, 8 min… */
  retryBaseSeconds: 30,
  /** A running job with no heartbeat for this long lost its runner (process died) and is requeued. */
  leaseSeconds: 300,
  /** How often a running job's timer refreshes `heartbeat_at`, whatever step it is in. */
  heartbeatMs: 30_000,
}
