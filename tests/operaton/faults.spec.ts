import { randomUUID } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { dispatchOutbox, enqueueStart } from '#services/requests/outbox'
import { createWorkflowEngine } from '#workflow/engine'
import { toLockedTask } from '#workflow/operaton/external_task_api'
import type { OperatonWorkflowEngine } from '#workflow/operaton/operaton_engine'
import { TopicClient } from '#workflow/operaton/topic_client'
import { WorkflowEngineUnavailableException } from '#workflow/port'
import { sideEffects } from '#workflow/tasks/side_effects'
import type { TopicDefinition } from '#workflow/types'
import { topics } from '../../workflows/registry.js'
import grantProvision from '../../workflows/topics/grant_provision.js'
import complianceCheck from '../../workflows/topics/request_compliance_check.js'
import { createHarness, dataset, newKey, openTasks, requestVariables } from '../contract/harness.js'

/*
 * Faults against a real Operaton with the real camunda-external-task-client-js workers, in real
 * time (no clock travel). Their own suite (`npm run test:operaton`), run by .ci/run against
 * Operaton only; the embedded engine's equivalents are in tests/contract/operations.spec.ts.
 */

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  for (let waited = 0; waited < timeoutMs; waited += 200) {
    if (await check()) return
    await sleep(200)
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** Workers that only take this run's instances (tagged with `faultRun`), so old instances are left alone. */
function workers(
  port: OperatonWorkflowEngine,
  run: string,
  definitions: readonly TopicDefinition[],
  count = 1
) {
  return Array.from({ length: count }, (_, i) => {
    const client = new TopicClient(port, definitions, {
      workerId: `fault-${i}-${run}`,
      asyncResponseTimeoutMs: 1000,
      processVariables: { faultRun: run },
    })
    client.start()
    return client
  })
}

function engine(command: 'start' | 'stop') {
  const result = spawnSync(process.execPath, [app.makePath('bin', 'engine.js'), command], {
    env: { ...process.env, OPERATON_CLOCK_API: 'true' },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`engine ${command}: ${result.stdout}${result.stderr}`)
}

test.group('contract: Operaton faults (real workers, real time)', () => {
  test('a worker killed after its side effect: redelivered after the lock expires, exactly one grant', async ({
    assert,
  }) => {
    const h = await createHarness()
    const port = h.port as OperatonWorkflowEngine
    const run = randomUUID()
    const key = newKey('GR')
    const { instance } = await port.startByKey('sharing_grant', key, {
      applicant: 'u',
      approvedDatasets: ['DS-1'],
      validUntil: new Date(Date.now() + 86_400_000).toISOString(),
      faultRun: run,
    })
    // The doomed worker locks for 2 s, writes the grant, and dies before completing.
    const [raw] = await port.rest.post<any[]>('/external-task/fetchAndLock', {
      workerId: 'doomed',
      maxTasks: 1,
      topics: [{ topicName: 'grant.provision', lockDuration: 2_000, businessKey: key }],
    })
    const task = toLockedTask(raw, 'doomed')
    assert.equal(task.instanceId, instance.id)
    await grantProvision.handler(task, {
      history: async () => [],
      extendLock: async () => {},
      startProcess: port.startByKey.bind(port),
    })
    const clients = workers(port, run, topics)
    try {
      await until('the grant to be provisioned by the survivor', async () =>
        (await port.history(instance.id)).some(
          (e) => e.type === 'external_completed' && e.activityId === 'provision'
        )
      )
    } finally {
      await Promise.all(clients.map((c) => c.stop()))
    }
    const completions = (await port.history(instance.id)).filter(
      (e) => e.type === 'external_completed' && e.activityId === 'provision'
    )
    assert.lengthOf(completions, 1)
    assert.notEqual(completions[0].actor, 'doomed')
    const grants = (await sideEffects('grant')).filter(
      (r) => r.effect_key === `grant.provision:${key}`
    )
    assert.lengthOf(grants, 1)
    assert.isFalse((await port.getInstance(instance.id)).variables.grantCreatedNow as boolean)
  }).timeout(120_000)

  test('two workers on one topic never run one task twice', async ({ assert }) => {
    const h = await createHarness()
    const port = h.port as OperatonWorkflowEngine
    const run = randomUUID()
    const runs = new Map<string, number>()
    const counting: TopicDefinition = {
      ...complianceCheck,
      async handler(task, context) {
        runs.set(task.id, (runs.get(task.id) ?? 0) + 1)
        await sleep(20)
        return complianceCheck.handler(task, context)
      },
    }
    const keys = Array.from({ length: 20 }, () => newKey())
    for (const key of keys)
      await port.startByKey('data_request', key, {
        ...requestVariables([dataset('DS-1')]),
        faultRun: run,
      })
    const clients = workers(port, run, [counting], 2)
    try {
      await until('every compliance check to run', async () => runs.size >= 20)
      await until('every request to reach its dept review', async () => {
        const tasks = await port.queryTasks({
          processKey: 'data_request',
          activityId: 'dept_review',
        })
        const waiting = new Set(tasks.map((t) => t.businessKey))
        return keys.every((k) => waiting.has(k))
      })
    } finally {
      await Promise.all(clients.map((c) => c.stop()))
    }
    assert.equal(runs.size, 20)
    assert.deepEqual([...new Set(runs.values())], [1], 'each task handled exactly once')
    for (const key of keys) assert.lengthOf(await openTasks(port, key, 'dept_review'), 1)
  }).timeout(120_000)

  test('Operaton stopped: 20 requests wait in the outbox; once it is back, 20 instances and no duplicate', async ({
    assert,
  }) => {
    const h = await createHarness()
    const port = h.port as OperatonWorkflowEngine
    const keys = Array.from({ length: 20 }, () => newKey())
    engine('stop')
    try {
      await db.transaction(async (trx) => {
        for (const key of keys)
          await enqueueStart('data_request', key, requestVariables([dataset('DS-1')]), trx)
      })
      assert.equal(await dispatchOutbox(port), 0)
      await assert.rejects(
        () => port.findInstance('data_request', keys[0]),
        WorkflowEngineUnavailableException as any
      )
      const pending = await db.from('workflow_outbox').whereIn('business_key', keys)
      assert.isTrue(pending.every((row) => row.status === 'pending' && row.last_error))
    } finally {
      engine('start')
    }
    // Two dispatchers at once (two app nodes): the business key still gives one instance each.
    const started = await Promise.all([
      dispatchOutbox(port),
      dispatchOutbox(createWorkflowEngine()),
    ])
    assert.isAtLeast(started[0] + started[1], 20)
    assert.equal(await dispatchOutbox(port), 0)
    for (const key of keys) {
      const rows = await port.rest.get<any[]>('/history/process-instance', {
        processDefinitionKey: 'data_request',
        processInstanceBusinessKey: key,
      })
      assert.lengthOf(rows, 1, `one instance for ${key}`)
    }
  }).timeout(420_000)
})
