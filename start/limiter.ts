/*
 * Named rate limits. Each returns 429 with Retry-After (rendered by the exception handler).
 */
import limiter from '@adonisjs/limiter/services/main'
import env from '#start/env'

const publicPerMinute = env.get('PUBLIC_RATE_LIMIT') ?? 120

/** Anonymous public API: per client IP. */
export const publicThrottle = limiter.define('public', (ctx) => {
  return limiter.allowRequests(publicPerMinute).every('1 minute').usingKey(`ip_${ctx.request.ip()}`)
})

/** Catalog reads: anonymous callers per client IP; logged-in callers are identified and logged instead. */
export const anonymousCatalogThrottle = limiter.define('catalog', (ctx) => {
  if (ctx.auth.user) return limiter.noLimit()
  return limiter.allowRequests(publicPerMinute).every('1 minute').usingKey(`ip_${ctx.request.ip()}`)
})
