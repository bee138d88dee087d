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
    // API clients authenticate with bearer tokens (no cookies), so only cookie sessions need CSRF.
    enabled: true,
    exceptRoutes: (ctx) => {
      const auth = ctx.request.header('authorization') ?? ''
      return auth.toLowerCase().startsWith('bearer ') || ctx.request.url() === '/api/v1/auth/login'
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
