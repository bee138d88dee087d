import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import AuthMiddleware from '#middleware/auth_middleware'

/*
 * For routes that anonymous callers may use but that show more to a logged-in user (the
 * catalog). Credentials that are present are checked exactly as on protected routes — a bad
 * token is a 401, not a silent downgrade to anonymous; no credentials means anonymous.
 */
export default class OptionalAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (ctx.request.header('authorization'))
      return new AuthMiddleware().handle(ctx, next, { guards: ['api'] })
    if (await ctx.auth.use('web').check())
      return new AuthMiddleware().handle(ctx, next, { guards: ['web'] })
    return next()
  }
}
