import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { errors as authErrors } from '@adonisjs/auth'
import clock from '#services/clock'
import { idleTimeoutMinutes } from '#config/session'
import SessionExpiredException from '#exceptions/session_expired_exception'
import { actorFromContext, recordAudit } from '#services/audit/audit_log'

const IDLE_KEY = 'lastActivityAt'

/*
 * Authenticates with bearer token or cookie session. Cookie sessions also get the
 * idle timeout: no request for SESSION_IDLE_MINUTES and the session is ended server-side.
 */
export default class AuthMiddleware {
  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { guards?: (keyof Authenticators)[] } = {}
  ) {
    const user = await ctx.auth.authenticateUsing(options.guards ?? ['api', 'web'])
    if (user.status !== 'active')
      throw new authErrors.E_UNAUTHORIZED_ACCESS('disabled', { guardDriverName: 'session' })
    await user.load((preloader) => preloader.load('roleRows'))

    if (ctx.auth.authenticatedViaGuard === 'web') {
      const last = Number(ctx.session.get(IDLE_KEY, 0))
      const now = clock.nowMs()
      if (last && now - last > idleTimeoutMinutes * 60_000) {
        await recordAudit(actorFromContext(ctx), {
          action: 'auth.session_expired',
          result: 'success',
        })
        await ctx.auth.use('web').logout()
        ctx.session.clear()
        throw new SessionExpiredException()
      }
      ctx.session.put(IDLE_KEY, now)
    }
    return next()
  }
}
