/*
 * Japa entrypoint. NODE_ENV is forced to test so .env.test and test config apply.
 */
process.env.NODE_ENV = 'test'
// Own port so a dev server on 3333 does not collide with the suite.
process.env.HOST ??= '127.0.0.1'
process.env.PORT ??= '3344'
process.env.SESSION_STORE ??= 'memory'
// SQLite's one connection is held by each test's global transaction; MariaDB tests the database store.
process.env.LOCK_STORE ??= process.env.DB_CONNECTION === 'mysql' ? 'database' : 'memory'
// Webhook specs deliver to a receiver on 127.0.0.1 over plain http.
process.env.SUBSCRIPTION_ALLOW_LOOPBACK ??= 'true'

import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { configure, processCLIArgs, run } from '@japa/runner'
import { APP_ROOT, importer } from './importer.js'

new Ignitor(APP_ROOT, { importer })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .testRunner()
  .configure(async (app) => {
    const { runnerHooks, ...config } = await import('../tests/bootstrap.js')

    processCLIArgs(process.argv.splice(2))
    configure({
      ...app.rcFile.tests,
      ...config,
      setup: runnerHooks.setup,
      teardown: runnerHooks.teardown.concat([() => app.terminate()]),
    })
  })
  .run(() => run())
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
