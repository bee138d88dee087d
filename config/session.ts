import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/*
 * Sessions live in the database so logout revokes them server-side and several app
 * instances share them. The idle timeout itself is enforced by idle_timeout_middleware.
 */
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'ecoshare-session',
  clearWithBrowser: true,
  age: '8h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'strict',
  },
  // Tests use the memory store: a DB write outside each test's global transaction would lock SQLite.
  store: env.get('SESSION_STORE') ?? 'database',
  stores: {
    database: stores.database({ tableName: 'sessions', gcProbability: 2 }),
  },
})

export default sessionConfig

export const idleTimeoutMinutes = env.get('SESSION_IDLE_MINUTES') ?? 30
