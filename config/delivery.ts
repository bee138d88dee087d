import env from '#start/env'

/** Quotas a new grant starts with; owners narrow them per grant later (issue #6 part 2). */
export const grantDefaults = {
  rowsPerDay: env.get('GRANT_ROWS_PER_DAY') ?? 5_000_000,
  callsPerMinute: env.get('GRANT_CALLS_PER_MINUTE') ?? 60,
}

/** API keys live at most this long; rotation issues a fresh secret with the same scope. */
export const apiKeyMaxDays = 366
