/*
 * Named rate limits. Each returns 429 with Retry-After (rendered by the exception handler).
 */
import limiter from '@adonisjs/limiter/services/main'

/** Anonymous public API: per client IP. */
export const publicThrottle = limiter.define('public', (ctx) => {
  return limiter.allowRequests(120).every('1 minute').usingKey(`ip_${ctx.request.ip()}`)
})
