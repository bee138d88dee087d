import { test } from '@japa/runner'
import clock from '#services/clock'
import { completeOnly, createHarness, historyTypes, newKey, openTasks } from './harness.js'

const start = {
  providerOrg: 'PRV',
  datasetCode: 'DS-Q',
  targetScore: 90,
  failingChecks: ['completeness'],
}

test.group('contract: quality rectification', (group) => {
  group.each.teardown(() => clock.reset())

  test('failed recheck and failed verification each open the next round; a verified fix closes the case', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey('QR')
    const { instance } = await h.port.startByKey('quality_rectification', key, start)
    await h.settle()

    const [round1] = await openTasks(h.port, key)
    assert.equal(round1.activityId, 'rectify')
    assert.deepEqual(round1.candidateGroups, ['org:PRV:owner_reviewer'])
    assert.equal(round1.formKey, 'rectification_form')
    assert.isNotNull(round1.dueAt)
    await completeOnly(h.port, key, 'rectify', {
      actionsTaken: 'refilled',
      evidence: ['e1'],
      measuredScore: 70,
    })
    await h.settle()
    assert.equal((await h.port.getInstance(instance.id)).variables.round, 2)

    await completeOnly(h.port, key, 'rectify', {
      actionsTaken: 'refilled again',
      evidence: ['e2'],
      measuredScore: 95,
    })
    await h.settle()
    await completeOnly(h.port, key, 'verify', { verified: false, opinion: '证据不足' })
    await h.settle()
    assert.equal((await h.port.getInstance(instance.id)).variables.round, 3)

    await completeOnly(h.port, key, 'rectify', {
      actionsTaken: 'fixed',
      evidence: ['e3'],
      measuredScore: 99,
    })
    await h.settle()
    await completeOnly(h.port, key, 'verify', { verified: true, opinion: '通过' })
    await h.settle()
    const done = await h.port.getInstance(instance.id)
    assert.equal(done.status, 'completed')
    assert.equal(done.variables.round, 3)
    assert.include(await historyTypes(h.port, instance.id), 'external_completed:notify_closed')
  })

  test('an overdue round escalates to the provider head under the controllable clock; the round goes on', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey('QR')
    const { instance } = await h.port.startByKey('quality_rectification', key, {
      ...start,
      roundWorkingDays: 2,
    })
    await h.settle()
    const [timer] = await h.port.pendingTimers(instance.id)
    assert.equal(timer.activityId, 'overdue')
    assert.equal(timer.dueAt, (await openTasks(h.port, key))[0].dueAt)

    clock.travel({ hours: 1 })
    await h.settle()
    assert.lengthOf(await openTasks(h.port, key, 'escalate'), 0, 'not due yet')

    clock.travel({ days: 10 })
    await h.settle()
    const [escalation] = await openTasks(h.port, key, 'escalate')
    assert.deepEqual(escalation.candidateGroups, ['org:PRV:head'])
    assert.lengthOf(
      await openTasks(h.port, key, 'rectify'),
      1,
      'non-interrupting: the round stays open'
    )
    assert.lengthOf(await h.port.pendingTimers(instance.id), 0)
    assert.equal(await h.port.fireDueTimers(), 0, 'a fired timer never fires again')

    await h.port.complete(escalation.id, { opinion: '已督办' }, escalation.version, 'head')
    await completeOnly(h.port, key, 'rectify', {
      actionsTaken: 'fixed',
      evidence: ['e'],
      measuredScore: 95,
    })
    await h.settle()
    await completeOnly(h.port, key, 'verify', { verified: true, opinion: 'ok' })
    await h.settle()
    assert.equal((await h.port.getInstance(instance.id)).status, 'completed')
  })
})
