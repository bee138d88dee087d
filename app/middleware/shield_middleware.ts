import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import encryption from '@adonisjs/core/services/encryption'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import shieldConfig from '#config/shield'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Routes that hand a browser its CSRF token before it first writes (the SPA shell, the token endpoint). */
const TOKEN_ROUTES = new Set(['spa', 'auth.csrf'])

const full = new ShieldMiddleware(shieldConfig, encryption.use())
const headersOnly = new ShieldMiddleware(
  { ...shieldConfig, csrf: { ...shieldConfig.csrf, enabled: false } },
  encryption.use()
)

/*
 * Shield's CSRF guard stores a secret in the session on every request, so every anonymous GET
 * (public API, health, catalog) would create a session row. A safe-method request with no
 * session cookie needs no token: it gets the security headers only. Writes, requests that carry
 * a session, and the token-issuing routes get the full guard.
 */
export default class AppShieldMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const needsCsrf =
      !SAFE_METHODS.has(ctx.request.method()) ||
      TOKEN_ROUTES.has(ctx.route?.name ?? '') ||
      (ctx.request.header('cookie') ?? '').includes('ecoshare-session=')
    return (needsCsrf ? full : headersOnly).handle(ctx, next)
  }
}
