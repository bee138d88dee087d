import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/shield'

const shieldConfig = defineConfig({
  csp: {
    enabled: true,
    directives: {
      defaultSrc: [`'self'`],
      scriptSrc: [`'self'`],
      // Element Plus sets inline styles on components.
      styleSrc: [`'self'`, `'unsafe-inline'`],
      imgSrc: [`'self'`, 'data:', 'blob:'],
      connectSrc: [`'self'`],
      fontSrc: [`'self'`, 'data:'],
      objectSrc: [`'none'`],
      baseUri: [`'self'`],
      frameAncestors: [`'self'`],
    },
    reportOnly: false,
  },
  csrf: {
    /*
     * CSRF only matters where a cookie carries authority. Bearer-token calls and calls with
     * no session cookie are exempt (they get a plain 401 if they need a login); the browser
     * login itself is always checked, against login CSRF.
     */
    enabled: true,
    exceptRoutes: (ctx) => {
      if (ctx.request.url() === '/api/v1/auth/session') return false
      // Token login answers with a bearer token and never touches the cookie session.
      if (ctx.request.url() === '/api/v1/auth/login') return true
      const auth = ctx.request.header('authorization') ?? ''
      if (auth.toLowerCase().startsWith('bearer ')) return true
      return !ctx.request.header('cookie')?.includes('ecoshare-session=')
    },
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: {
    enabled: true,
    action: 'SAMEORIGIN',
  },
  hsts: {
    enabled: app.inProduction,
    maxAge: '180 days',
    includeSubDomains: true,
  },
  contentTypeSniffing: {
    enabled: true,
  },
})

export default shieldConfig
