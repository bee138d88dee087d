import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import workflowRuntime from '#services/workflow_runtime'
import { freshWorkflowEngine } from './engine_isolation.js'

export const plugins: Config['plugins'] = [
  assert(),
  pluginAdonisJS(app),
  apiClient({ baseURL: `http://${process.env.HOST}:${process.env.PORT}` }),
  shieldApiClient(),
  authApiClient(app),
]

/*
 * A fresh schema per run: drop everything, migrate, seed the demo city. Tests then run
 * inside a global transaction each, so they never see each other's writes.
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    () => runAce('db:wipe', []),
    // The suite is the only migrator; MySQL advisory locks can be lost when the pool recycles a connection.
    () => runAce('migration:run', ['--disable-locks']),
    () => runAce('db:seed', ['--compact-output']),
  ],
  teardown: [],
}

async function runAce(name: string, args: string[]) {
  const ace = await app.container.make('ace')
  const command = await ace.exec(name, args)
  if (command.exitCode) throw command.error ?? new Error(`${name} failed`)
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (suite.name === 'functional') {
    // Registered before any spec's own hooks (Japa runs onGroup before the group's callback),
    // so a spec's setup that starts instances runs on an already emptied engine.
    suite.onGroup((group) => group.each.setup(freshWorkflowEngine))
    suite.onTest((test) => test.setup(freshWorkflowEngine))
    // A test of the background loop starts Operaton topic workers: they must not outlive the suite.
    suite.teardown(() => workflowRuntime.stopLoop())
  }
  if (['browser', 'functional', 'e2e', 'operaton'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
}
