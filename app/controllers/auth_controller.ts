import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import AttemptLogin from '#actions/auth/attempt_login'
import { LOGIN_FIELDS, loginValidator } from '#validators/auth'
import { validateBody } from '#validators/strict'
import { transformCurrentUser } from '#transformers/user_transformer'
import { actorFromContext, recordAudit } from '#services/audit/audit_log'
import clock from '#services/clock'

export default class AuthController {
  /** Issues the XSRF-TOKEN cookie (the shield middleware does it on this route); the SPA calls it before logging in. */
  async csrf(ctx: HttpContext) {
    return ctx.response.noContent()
  }

  /** Browser login: cookie session (CSRF-protected, idle timeout). */
  async createSession(ctx: HttpContext) {
    const { username, password } = await validateBody(ctx, loginValidator, LOGIN_FIELDS)
    const user = await new AttemptLogin().handle(username, password, actorFromContext(ctx))
    ctx.session.regenerate()
    await ctx.auth.use('web').login(user)
    ctx.session.put('lastActivityAt', clock.nowMs())
    return { data: transformCurrentUser(user) }
  }

  async destroySession(ctx: HttpContext) {
    await recordAudit(actorFromContext(ctx), {
      action: 'auth.logout',
      result: 'success',
      objectType: 'user',
      objectId: ctx.auth.user!.id,
    })
    await ctx.auth.use('web').logout()
    ctx.session.clear()
    return ctx.response.noContent()
  }

  /** API-client login: returns a bearer token; only its hash is stored. */
  async createToken(ctx: HttpContext) {
    const { username, password } = await validateBody(ctx, loginValidator, LOGIN_FIELDS)
    const user = await new AttemptLogin().handle(username, password, actorFromContext(ctx))
    const token = await User.accessTokens.create(user, ['*'], { name: 'api-login' })
    return {
      data: {
        type: 'bearer',
        token: token.value!.release(),
        expiresAt: token.expiresAt?.toISOString() ?? null,
        user: transformCurrentUser(user),
      },
    }
  }

  async destroyToken(ctx: HttpContext) {
    const user = ctx.auth.use('api').getUserOrFail()
    await User.accessTokens.delete(user, user.currentAccessToken.identifier)
    await recordAudit(actorFromContext(ctx), {
      action: 'auth.logout',
      result: 'success',
      objectType: 'user',
      objectId: user.id,
      details: { via: 'token' },
    })
    return ctx.response.noContent()
  }

  async me(ctx: HttpContext) {
    const user = ctx.auth.user!
    await user.load((preloader) => preloader.load('organisation'))
    return { data: transformCurrentUser(user) }
  }
}
