import { test } from '@japa/runner'
import clock from '#services/clock'
import { createWorker, createWorkflowEngine } from '#workflow/engine'
import { sideEffects } from '#workflow/tasks/side_effects'
import {
  completeOnly,
  createHarness,
  dataset,
  newKey,
  openTasks,
  requestVariables,
  type Harness,
} from './harness.js'

/** Everything that must survive a restart, as comparable plain data. */
async function snapshot(h: Harness, keys: string[]) {
  const result: Record<string, unknown> = {}
  for (const key of keys) {
    const instance = await snapshotInstance(h, key)
    result[key] = {
      status: instance.status,
      tasks: (await openTasks(h.port, key))
        .map((t) => `${t.id}:${t.activityId}:${t.version}`)
        .sort(),
      timers: (await h.port.pendingTimers(instance.id)).map(
        (t) => `${t.id}:${t.activityId}:${t.dueAt}`
      ),
    }
  }
  return result
}

/** task_created events per activity, read through the port (the timeline is engine-neutral). */
async function createdTasks(h: Harness, instanceIds: string[]) {
  const counts: Record<string, number> = {}
  for (const id of instanceIds) {
    for (const event of await h.port.history(id)) {
      if (event.type !== 'task_created') continue
      counts[event.activityId!] = (counts[event.activityId!] ?? 0) + 1
    }
  }
  return counts
}

test.group('contract: restart', (group) => {
  group.each.teardown(() => clock.reset())

  test('instances at different wait states and pending timers survive a killed engine; counts match exactly', async ({
    assert,
  }) => {
    const h = await createHarness()
    const atDept = newKey()
    const atOwners = newKey()
    const atTopic = newKey()
    const atLockedTopic = newKey()
    const quality = newKey('QR')
    const grant = newKey('GR')
    await h.port.startByKey('data_request', atDept, requestVariables([dataset('DS-1')]))
    await h.port.startByKey(
      'data_request',
      atOwners,
      requestVariables([dataset('DS-A', { ownerOrg: 'A' }), dataset('DS-B', { ownerOrg: 'B' })], {
        applicantInternal: false,
      })
    )
    await h.port.startByKey('quality_rectification', quality, {
      providerOrg: 'PRV',
      targetScore: 90,
    })
    await h.port.startByKey('sharing_grant', grant, {
      applicant: 'u',
      approvedDatasets: ['DS-9'],
      validUntil: new Date(clock.nowMs() + 3 * 86_400_000).toISOString(),
    })
    await h.settle()
    const [firstOwner] = await openTasks(h.port, atOwners, 'owner_review')
    await h.port.complete(firstOwner.id, { approved: true }, firstOwner.version)
    // Two more requests whose compliance check has not run; one is locked by a worker that will die.
    await h.port.startByKey(
      'data_request',
      atTopic,
      requestVariables([dataset('DS-2', { sharingAttribute: 'unconditional' })])
    )
    await h.port.startByKey(
      'data_request',
      atLockedTopic,
      requestVariables([dataset('DS-3', { sharingAttribute: 'unconditional' })])
    )
    const [locked] = await h.port.fetchAndLock(
      'request.compliance_check',
      'doomed-worker',
      60_000,
      1
    )
    assert.exists(locked)

    const keys = [atDept, atOwners, atTopic, atLockedTopic, quality, grant]
    const instanceIds = await Promise.all(
      keys.map(async (key) => (await snapshotInstance(h, key)).id)
    )
    const before = await snapshot(h, keys)
    const createdBefore = await createdTasks(h, instanceIds)

    await h.restart()
    assert.deepEqual(
      await snapshot(h, keys),
      before,
      'same open tasks, versions and timers after recovery'
    )
    assert.deepEqual(await createdTasks(h, instanceIds), createdBefore, 'recovery created no task')

    // The quality round's deadline passes while the app is down: the timer fires once after restart.
    clock.travel({ days: 20 })
    await h.restart()
    await h.settle()
    assert.lengthOf(await openTasks(h.port, quality, 'escalate'), 1)
    assert.equal((await h.port.findInstance('sharing_grant', grant))!.status, 'completed')

    await completeOnly(h.port, atDept, 'dept_review', { decision: 'approve' })
    await h.settle()
    for (const task of await openTasks(h.port, atDept, 'owner_review'))
      await h.port.complete(task.id, { approved: true }, task.version)
    await completeOnly(h.port, atOwners, 'owner_review', { approved: true })
    await completeOnly(h.port, quality, 'escalate', { opinion: '督办' })
    await completeOnly(h.port, quality, 'rectify', {
      measuredScore: 95,
      actionsTaken: 'x',
      evidence: ['e'],
    })
    await h.restart()
    await h.settle()
    await completeOnly(h.port, quality, 'verify', { verified: true, opinion: 'ok' })
    await h.settle()

    for (const key of keys) assert.equal((await snapshotInstance(h, key)).status, 'completed', key)
    for (const key of [atDept, atOwners, atTopic, atLockedTopic]) {
      const grants = (await sideEffects('grant')).filter(
        (row) => row.effect_key === `grant.provision:grant-${key}`
      )
      assert.lengthOf(grants, 1, `one grant for ${key}`)
    }
    const counts = await createdTasks(h, instanceIds)
    assert.deepEqual(counts, {
      dept_review: 1,
      owner_review: 3,
      rectify: 1,
      escalate: 1,
      verify: 1,
    })
    for (const key of keys)
      assert.lengthOf(await openTasks(h.port, key), 0, `no open task for ${key}`)
  })

  test('an engine evicted from memory is recovered on demand, without a boot-time sweep', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey()
    await h.port.startByKey(
      'data_request',
      key,
      requestVariables([dataset('DS-1')], { applicantInternal: false })
    )
    await h.settle()
    const [task] = await openTasks(h.port, key)
    // A second adapter has nothing in memory: the instance is recovered from its stored state on first use.
    const fresh = createWorkflowEngine()
    await fresh.complete(task.id, { approved: true }, task.version)
    h.port = fresh
    h.worker = createWorker(fresh, 'w2')
    await h.settle()
    assert.equal((await h.port.findInstance('data_request', key))!.status, 'completed')
  })
})

async function snapshotInstance(h: Harness, key: string) {
  for (const processKey of ['data_request', 'quality_rectification', 'sharing_grant']) {
    const instance = await h.port.findInstance(processKey, key)
    if (instance) return instance
  }
  throw new Error(`no instance with business key ${key}`)
}
