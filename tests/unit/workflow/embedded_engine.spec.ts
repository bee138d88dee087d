import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock'
import { lintContext } from '#workflow/engine'
import { EmbeddedWorkflowEngine } from '#workflow/embedded/embedded_engine'
import { WorkflowStepException } from '#workflow/port'

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const engine = (cacheSize = 500) => new EmbeddedWorkflowEngine({ lint: lintContext(), cacheSize })
const key = () => `UT-${randomUUID()}`

test.group('embedded adapter', (group) => {
  group.each.teardown(() => clock.reset())

  test('deploy versions a definition; identical XML is not redeployed; running instances keep their version', async ({
    assert,
  }) => {
    const port = engine()
    const xml = await fixture('approval.bpmn')
    const first = await port.deploy('approval.bpmn', xml)
    assert.deepInclude(await port.deploy('approval.bpmn', xml), {
      version: first.version,
      created: false,
    })
    const old = await port.startByKey('fixture_approval', key(), {
      extraReviewer: 'u9',
      amount: 50,
      boss: 'b',
      bigDue: null,
    })
    const changed = xml.replace('name="Review"', `name="Review ${randomUUID()}"`)
    const second = await port.deploy('approval.bpmn', changed)
    assert.deepInclude(second, { version: first.version + 1, created: true })
    const fresh = await port.startByKey('fixture_approval', key(), { extraReviewer: 'u9' })
    assert.equal(fresh.instance.version, second.version)
    assert.equal((await port.getInstance(old.instance.id)).version, first.version)
  })

  test('the engine state and the task row are written in the same step', async ({ assert }) => {
    const port = engine()
    await port.deploy('approval.bpmn', await fixture('approval.bpmn'))
    const { instance } = await port.startByKey('fixture_approval', key(), { extraReviewer: 'u9' })
    const row = await db.from('workflow_instances').where('id', instance.id).first()
    assert.isAbove(JSON.parse(row.state).definitions.length, 0)
    assert.equal(Number(row.state_version), 1)
    const [task] = await port.queryTasks({ instanceId: instance.id })
    assert.deepEqual(task.candidateUsers, ['u1', 'u9'])
    assert.deepEqual(task.candidateGroups, ['role:fixture_reviewer'])
    assert.lengthOf(
      await port
        .queryTasks({ userId: 'u9' })
        .then((t) => t.filter((x) => x.instanceId === instance.id)),
      1
    )
    assert.lengthOf(
      await port
        .queryTasks({ userId: 'zz', groups: ['role:fixture_reviewer'] })
        .then((t) => t.filter((x) => x.instanceId === instance.id)),
      1
    )
    assert.lengthOf(
      await port
        .queryTasks({ userId: 'zz', groups: ['role:other'] })
        .then((t) => t.filter((x) => x.instanceId === instance.id)),
      0
    )
  })

  test('a step that fails in the engine rolls back completely and can be redone', async ({
    assert,
  }) => {
    const port = engine()
    await port.deploy('approval.bpmn', await fixture('approval.bpmn'))
    const { instance } = await port.startByKey('fixture_approval', key(), { extraReviewer: 'u9' })
    const [task] = await port.queryTasks({ instanceId: instance.id })
    const error = await port.complete(task.id, {}, task.version).catch((e) => e)
    assert.instanceOf(error, WorkflowStepException)
    assert.equal(error.status, 422)
    assert.match(error.message, /amount/)
    const after = await port.getTask(task.id)
    assert.equal(after.status, 'open')
    assert.equal(after.version, task.version)
    assert.notInclude(
      (await port.history(instance.id)).map((e) => e.type),
      'task_completed'
    )
    await port.complete(task.id, { amount: 3 }, task.version)
    assert.equal((await port.getInstance(instance.id)).status, 'completed')
  })

  test('conditions, assignee and due date come from our expression subset', async ({ assert }) => {
    const port = engine()
    await port.deploy('approval.bpmn', await fixture('approval.bpmn'))
    const due = '2030-01-02T03:04:05.000Z'
    const { instance } = await port.startByKey('fixture_approval', key(), {
      extraReviewer: 'u9',
      boss: 'boss-1',
      bigDue: due,
    })
    const [task] = await port.queryTasks({ instanceId: instance.id })
    await port.complete(task.id, { amount: 11 }, task.version)
    const [big] = await port.queryTasks({ instanceId: instance.id })
    assert.equal(big.activityId, 'big')
    assert.equal(big.assignee, 'boss-1')
    assert.equal(big.dueAt, due)
  })

  test('a duration timer is due on the app clock and fires once', async ({ assert }) => {
    const port = engine()
    await port.deploy('approval.bpmn', await fixture('approval.bpmn'))
    const { instance } = await port.startByKey('fixture_approval', key(), {
      extraReviewer: 'u9',
      boss: 'b',
      bigDue: null,
    })
    const [task] = await port.queryTasks({ instanceId: instance.id })
    const startedAt = clock.nowMs()
    await port.complete(task.id, { amount: 11 }, task.version)
    const [timer] = await port.pendingTimers(instance.id)
    assert.closeTo(new Date(timer.dueAt).getTime() - startedAt, 3_600_000, 5_000)
    clock.travel({ minutes: 59 })
    assert.equal(await port.fireDueTimers(), 0)
    clock.travel({ minutes: 2 })
    assert.isAtLeast(await port.fireDueTimers(), 1)
    assert.equal((await port.getInstance(instance.id)).status, 'completed')
    assert.equal(
      (
        await port.getTask(
          (await port.queryTasks({ instanceId: instance.id, status: 'cancelled' }))[0].id
        )
      ).activityId,
      'big'
    )
    assert.equal(await port.fireDueTimers(), 0)
  })

  test('或签: a completion condition ends the multi-instance after the first decision', async ({
    assert,
  }) => {
    const port = engine()
    await port.deploy('any_of.bpmn', await fixture('any_of.bpmn'))
    const { instance } = await port.startByKey('fixture_any_of', key(), { voters: ['a', 'b', 'c'] })
    const votes = await port.queryTasks({ instanceId: instance.id })
    assert.deepEqual(votes.map((t) => t.assignee).sort(), ['a', 'b', 'c'])
    assert.deepEqual(votes.map((t) => t.localVariables.voter).sort(), ['a', 'b', 'c'])
    const b = votes.find((t) => t.assignee === 'b')!
    await port.complete(b.id, { approved: true }, b.version)
    const open = await port.queryTasks({ instanceId: instance.id })
    assert.deepEqual(
      open.map((t) => t.activityId),
      ['after']
    )
    assert.lengthOf(await port.queryTasks({ instanceId: instance.id, status: 'cancelled' }), 2)
  })

  test('with a cache of one engine, interleaved instances are recovered from the database each time', async ({
    assert,
  }) => {
    const port = engine(1)
    await port.deploy('any_of.bpmn', await fixture('any_of.bpmn'))
    const one = await port.startByKey('fixture_any_of', key(), { voters: ['a', 'b'] })
    const two = await port.startByKey('fixture_any_of', key(), { voters: ['c'] })
    for (const id of [one.instance.id, two.instance.id]) {
      const [first] = await port.queryTasks({ instanceId: id })
      await port.complete(first.id, {}, first.version)
    }
    for (const id of [one.instance.id, two.instance.id]) {
      const [after] = await port.queryTasks({ instanceId: id })
      assert.equal(after.activityId, 'after')
      await port.complete(after.id, {}, after.version)
      assert.equal((await port.getInstance(id)).status, 'completed')
    }
  })

  test('a timer whose step fails stays due, shows in the timeline, and fires once the data is fixed', async ({
    assert,
  }) => {
    const port = engine()
    await port.deploy('timer_failure.bpmn', await fixture('timer_failure.bpmn'))
    const { instance } = await port.startByKey('fixture_timer_failure', key(), {})
    clock.travel({ minutes: 2 })
    await port.fireDueTimers()
    assert.lengthOf(await port.pendingTimers(instance.id), 1)
    const failed = (await port.history(instance.id)).find((e) => e.type === 'timer_failed')
    assert.match(String(failed?.data?.message), /flag/)
    await port.setVariables(instance.id, { flag: true })
    assert.isAtLeast(await port.fireDueTimers(), 1)
    assert.equal((await port.getInstance(instance.id)).status, 'completed')
  })

  test('definitions list their versions and running instances; the XML of a version is retrievable', async ({
    assert,
  }) => {
    const port = engine()
    const xml = await fixture('any_of.bpmn')
    const deployed = await port.deploy('any_of.bpmn', xml)
    await port.startByKey('fixture_any_of', key(), { voters: ['a'] })
    const listed = (await port.listDefinitions()).find((d) => d.id === deployed.id)!
    assert.deepInclude(listed, { key: 'fixture_any_of', version: deployed.version })
    assert.isAtLeast(listed.runningInstances, 1)
    assert.equal(await port.getDefinitionXml(deployed.id), xml)
  })

  test('an assignee expression that cannot be resolved fails the step, not the task row', async ({
    assert,
  }) => {
    const port = engine()
    await port.deploy('approval.bpmn', await fixture('approval.bpmn'))
    const { instance } = await port.startByKey('fixture_approval', key(), { extraReviewer: 'u9' })
    const [task] = await port.queryTasks({ instanceId: instance.id })
    const error = await port.complete(task.id, { amount: 11 }, task.version).catch((e) => e)
    assert.instanceOf(error, WorkflowStepException)
    assert.match(error.message, /^big: .*boss/)
    assert.equal((await port.getTask(task.id)).status, 'open')
    await port.setVariables(instance.id, { boss: 'b', bigDue: null })
    await port.complete(task.id, { amount: 11 }, task.version)
    assert.equal((await port.queryTasks({ instanceId: instance.id }))[0].assignee, 'b')
  })

  test('a timeCycle repeats: each cycle is its own persisted timer, fired once', async ({
    assert,
  }) => {
    const port = engine()
    await port.deploy('reminder_cycle.bpmn', await fixture('reminder_cycle.bpmn'))
    const { instance } = await port.startByKey('fixture_reminder_cycle', key(), {})
    const [first] = await port.pendingTimers(instance.id)
    clock.travel({ minutes: 61 })
    await port.fireDueTimers()
    const [second] = await port.pendingTimers(instance.id)
    assert.notEqual(second.id, first.id)
    clock.travel({ minutes: 61 })
    await port.fireDueTimers()
    assert.lengthOf(await port.pendingTimers(instance.id), 0, 'R2: two cycles only')
    const fired = (await port.history(instance.id)).filter((e) => e.type === 'timer_fired')
    assert.lengthOf(fired, 2)
    assert.lengthOf(
      await port.queryTasks({ instanceId: instance.id }),
      1,
      'non-interrupting: the task stays'
    )
  })

  test('two app nodes (two adapters) stepping one instance at once: no lost update', async ({
    assert,
  }) => {
    const nodeA = engine()
    const nodeB = engine()
    await nodeA.deploy('any_of.bpmn', await fixture('any_of.bpmn'))
    const { instance } = await nodeA.startByKey('fixture_any_of', key(), { voters: ['a'] })
    // Each node now caches an engine; node A's is stale and must be recovered, not trusted.
    await nodeB.setVariables(instance.id, { warm: true })
    await Promise.all([
      nodeA.setVariables(instance.id, { fromA: 1 }),
      nodeB.setVariables(instance.id, { fromB: 2 }),
    ])
    assert.deepInclude((await nodeA.getInstance(instance.id)).variables, { fromA: 1, fromB: 2 })
    const [vote] = await nodeB.queryTasks({ instanceId: instance.id })
    await nodeB.complete(vote.id, {}, vote.version)
    const [after] = await nodeA.queryTasks({ instanceId: instance.id })
    await nodeA.complete(after.id, {}, after.version)
    const done = await nodeB.getInstance(instance.id)
    assert.equal(done.status, 'completed')
    assert.deepInclude(done.variables, { fromA: 1, fromB: 2 })
  })
})
