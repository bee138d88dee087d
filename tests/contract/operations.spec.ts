import { test } from '@japa/runner'
import clock from '#services/clock'
import { ExternalTaskLockException, TaskConflictException } from '#workflow/port'
import { sideEffects } from '#workflow/tasks/side_effects'
import grantProvision from '../../workflows/topics/grant_provision.js'
import {
  createHarness,
  dataset,
  historyTypes,
  newKey,
  openTasks,
  requestVariables,
} from './harness.js'

test.group('contract: operations', (group) => {
  group.each.teardown(() => clock.reset())

  test('starting twice with one business key, even concurrently, yields one instance', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey()
    const vars = requestVariables([dataset('DS-1')])
    const results = await Promise.all(
      [1, 2, 3].map(() => h.port.startByKey('data_request', key, vars))
    )
    assert.lengthOf(new Set(results.map((r) => r.instance.id)), 1)
    assert.equal(results.filter((r) => r.created).length, 1)
    const again = await h.port.startByKey('data_request', key, vars)
    assert.isFalse(again.created)
    assert.equal(again.instance.id, results[0].instance.id)
    await h.settle()
    assert.lengthOf(await openTasks(h.port, key), 1)
  })

  test('two concurrent decisions on one task: one wins, the other gets a conflict', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey()
    const { instance } = await h.port.startByKey(
      'data_request',
      key,
      requestVariables([dataset('DS-1')])
    )
    await h.settle()
    const [task] = await openTasks(h.port, key)
    const outcomes = await Promise.allSettled([
      h.port.complete(task.id, { decision: 'approve' }, task.version, 'a'),
      h.port.complete(task.id, { decision: 'reject' }, task.version, 'b'),
    ])
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1)
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult
    assert.instanceOf(rejected.reason, TaskConflictException)
    assert.equal(rejected.reason.status, 409)
    const decided = (await historyTypes(h.port, instance.id)).filter(
      (t) => t === 'task_completed:dept_review'
    )
    assert.lengthOf(decided, 1)
    await assert.rejects(
      () => h.port.complete(task.id, {}, task.version + 1),
      TaskConflictException as any
    )
  })

  test('claim and unclaim bump the version; a stale version cannot complete', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey()
    await h.port.startByKey('data_request', key, requestVariables([dataset('DS-1')]))
    await h.settle()
    const [task] = await openTasks(h.port, key)
    const claimed = await h.port.claim(task.id, 'head-1')
    assert.equal(claimed.assignee, 'head-1')
    assert.lengthOf(
      (await h.port.queryTasks({ userId: 'head-2', groups: ['org:APP-ORG:head'] })).filter(
        (t) => t.id === task.id
      ),
      0
    )
    await assert.rejects(() => h.port.claim(task.id, 'head-2'), TaskConflictException as any)
    await assert.rejects(
      () => h.port.complete(task.id, { decision: 'approve' }, task.version),
      TaskConflictException as any
    )
    const released = await h.port.unclaim(task.id)
    assert.isNull(released.assignee)
    await h.port.complete(task.id, { decision: 'approve' }, released.version, 'head-2')
  })

  test('transfer, delegate and resolve: the task moves between people and stays open', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey()
    const { instance } = await h.port.startByKey(
      'data_request',
      key,
      requestVariables([dataset('DS-1')])
    )
    await h.settle()
    const [task] = await openTasks(h.port, key)
    const transferred = await h.port.setAssignee(task.id, 'head-2', 'head-1')
    assert.equal(transferred.assignee, 'head-2')
    assert.isNull(transferred.owner)
    const mine = await h.port.queryTasks({ userId: 'head-2', status: 'open' })
    assert.include(
      mine.map((t) => t.id),
      task.id
    )

    const delegated = await h.port.delegate(task.id, 'expert-1', 'head-2')
    assert.equal(delegated.assignee, 'expert-1')
    assert.equal(delegated.owner, 'head-2')
    assert.equal(delegated.delegationState, 'pending')
    await assert.rejects(
      () => h.port.complete(task.id, { decision: 'approve' }, delegated.version),
      TaskConflictException as any
    )

    const resolved = await h.port.resolve(task.id, { expertOpinion: 'ok' }, 'expert-1')
    assert.equal(resolved.assignee, 'head-2')
    assert.equal(resolved.delegationState, 'resolved')
    assert.equal(resolved.status, 'open')
    assert.equal((await h.port.getInstance(instance.id)).variables.expertOpinion, 'ok')
    await assert.rejects(
      () => h.port.resolve(task.id, {}, 'expert-1'),
      TaskConflictException as any
    )

    await h.port.complete(task.id, { decision: 'approve' }, resolved.version, 'head-2')
    const types = await historyTypes(h.port, instance.id)
    for (const t of ['task_assigned', 'task_delegated', 'task_resolved', 'task_completed'])
      assert.include(types, `${t}:dept_review`)
  })

  test('return out of the parallel owner review: all iterations are voided, the applicant amends, reviews restart', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey()
    const datasets = [
      dataset('DS-A', { ownerOrg: 'OWN-A' }),
      dataset('DS-B', { ownerOrg: 'OWN-B' }),
    ]
    const { instance } = await h.port.startByKey(
      'data_request',
      key,
      requestVariables(datasets, { applicantInternal: false })
    )
    await h.settle()
    const owners = await openTasks(h.port, key, 'owner_review')
    assert.lengthOf(owners, 2)
    await h.port.complete(owners[0].id, { approved: true }, owners[0].version)

    await h.port.moveToken(instance.id, 'owner_review', 'amend', 'owner-b')
    const open = await openTasks(h.port, key)
    assert.deepEqual(
      open.map((t) => t.activityId),
      ['amend']
    )
    assert.equal((await h.port.getTask(owners[1].id)).status, 'cancelled')
    await h.port.complete(open[0].id, { purpose: 'amended' }, open[0].version, 'u-applicant')
    await h.settle()

    const again = await openTasks(h.port, key, 'owner_review')
    assert.lengthOf(again, 2)
    assert.notIncludeMembers(
      again.map((t) => t.id),
      owners.map((t) => t.id)
    )
    for (const task of again) await h.port.complete(task.id, { approved: true }, task.version)
    await h.settle()
    const done = await h.port.getInstance(instance.id)
    assert.equal(done.status, 'completed')
    assert.deepEqual(done.variables.approvedDatasets, ['DS-A', 'DS-B'])
    assert.include(await historyTypes(h.port, instance.id), 'token_moved:amend')
  })

  test('a failing topic counts retries down with back-off, raises an incident at 0, and a retry succeeds', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey()
    const vars = requestVariables([dataset('DS-1')])
    delete vars.applicantOrg
    const { instance } = await h.port.startByKey('data_request', key, vars)
    assert.equal(await h.worker.drain(), 1)
    assert.equal(await h.worker.drain(), 0, 'back-off: not fetchable before its retry time')
    clock.travel({ minutes: 1 })
    await h.worker.drain()
    clock.travel({ minutes: 1 })
    await h.worker.drain()
    const [incident] = await h.port.incidents(instance.id)
    assert.equal(incident.activityId, 'compliance_check')
    assert.include(String(incident.message), 'applicantOrg')
    assert.lengthOf(
      (await historyTypes(h.port, instance.id)).filter(
        (t) => t === 'external_failed:compliance_check'
      ),
      3
    )
    clock.travel({ hours: 1 })
    assert.equal(await h.worker.drain(), 0, 'an incident is not retried on its own')

    await h.port.setVariables(instance.id, { applicantOrg: 'APP-ORG' }, 'admin')
    await h.port.retryIncident(incident.id, 1)
    assert.lengthOf(await h.port.incidents(instance.id), 0)
    await h.settle()
    assert.equal((await openTasks(h.port, key))[0].activityId, 'dept_review')
  })

  test('a worker that dies after its side effect: the task is redelivered after the lock expires, one grant', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey()
    await h.port.startByKey('sharing_grant', key, {
      applicant: 'u',
      approvedDatasets: ['DS-1'],
      validUntil: new Date(clock.nowMs() + 86_400_000).toISOString(),
    })
    const [first] = await h.port.fetchAndLock('grant.provision', 'worker-a', 10_000)
    assert.lengthOf(
      await h.port.fetchAndLock('grant.provision', 'worker-b', 10_000),
      0,
      'a locked task is not handed out twice'
    )
    await grantProvision.handler(first, {
      history: async () => [],
      extendLock: async () => {},
      startProcess: h.port.startByKey.bind(h.port),
    })

    clock.travel({ seconds: 11 })
    await assert.rejects(
      () => h.port.completeExternal(first.id, 'worker-a', {}),
      ExternalTaskLockException as any
    )
    const [again] = await h.port.fetchAndLock('grant.provision', 'worker-b', 10_000)
    assert.equal(again.id, first.id)
    const outcome = await grantProvision.handler(again, {
      history: async () => [],
      extendLock: async () => {},
      startProcess: h.port.startByKey.bind(h.port),
    })
    await h.port.completeExternal(again.id, 'worker-b', (outcome as any).variables)
    assert.lengthOf(
      (await sideEffects('grant')).filter((row) => row.effect_key === `grant.provision:${key}`),
      1
    )
    assert.isFalse(
      (await h.port.findInstance('sharing_grant', key))!.variables.grantCreatedNow as boolean
    )
  })

  test('two workers fetching one topic at the same moment never both get a task', async ({
    assert,
  }) => {
    const h = await createHarness()
    for (let i = 0; i < 3; i++) {
      await h.port.startByKey('data_request', newKey(), requestVariables([dataset(`DS-${i}`)]))
    }
    const [a, b] = await Promise.all([
      h.port.fetchAndLock('request.compliance_check', 'worker-a', 30_000, 10),
      h.port.fetchAndLock('request.compliance_check', 'worker-b', 30_000, 10),
    ])
    const ids = [...a, ...b].map((task) => task.id)
    assert.isAtLeast(ids.length, 3)
    assert.lengthOf(new Set(ids), ids.length)
  })

  test('extendLock keeps a long handler’s task; cancel closes every open row', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey()
    const { instance } = await h.port.startByKey(
      'data_request',
      key,
      requestVariables([dataset('DS-1')])
    )
    const [task] = await h.port.fetchAndLock('request.compliance_check', 'w', 5_000)
    clock.travel({ seconds: 4 })
    await h.port.extendLock(task.id, 'w', 5_000)
    clock.travel({ seconds: 4 })
    assert.lengthOf(await h.port.fetchAndLock('request.compliance_check', 'other', 5_000), 0)
    await h.port.cancel(instance.id, 'withdrawn by applicant', 'u-applicant')
    assert.equal((await h.port.getInstance(instance.id)).status, 'cancelled')
    await assert.rejects(
      () => h.port.completeExternal(task.id, 'w', {}),
      ExternalTaskLockException as any
    )
    assert.lengthOf(await h.port.fetchAndLock('request.compliance_check', 'other', 5_000), 0)
  })
})
