import env from '#start/env'
import { defineConfig } from '@adonisjs/cors'

const origins = (env.get('CORS_ORIGIN') ?? '')
  .split(',')
  .map((o) => o.trim())
  .filter(Boolean)

// Same-origin by default; cross-origin API clients are listed explicitly.
const corsConfig = defineConfig({
  enabled: origins.length > 0,
  origin: origins,
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  headers: true,
  exposeHeaders: ['Retry-After', 'Content-Disposition'],
  credentials: true,
  maxAge: 90,
})

export default corsConfig
