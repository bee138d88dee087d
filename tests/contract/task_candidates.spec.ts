import { test } from '@japa/runner'
import clock from '#services/clock'
import { TaskConflictException } from '#workflow/port'
import { atDeptReview, createHarness, historyTypes } from './harness.js'

test.group('contract: adding candidates (timeout escalation)', (group) => {
  group.each.teardown(() => clock.reset())

  test('the task is offered to the new group too, once, and the timeline says so', async ({
    assert,
  }) => {
    const h = await createHarness()
    const { instance, task } = await atDeptReview(h)
    assert.deepEqual(task.candidateGroups, ['org:APP-ORG:head'])

    const escalated = await h.port.addCandidates(
      task.id,
      { groups: ['org:APP-ORG:head', 'role:process_admin'], reason: 'timeout_escalation' },
      'system'
    )
    assert.sameMembers(escalated.candidateGroups, ['org:APP-ORG:head', 'role:process_admin'])
    const [offered] = await h.port.queryTasks({
      userId: 'u-admin',
      groups: ['role:process_admin'],
      status: 'open',
    })
    assert.equal(offered.id, task.id)

    const again = await h.port.addCandidates(task.id, { groups: ['role:process_admin'] }, 'system')
    assert.equal(again.version, escalated.version, 'nothing new, nothing changed')
    const events = (await h.port.history(instance.id)).filter(
      (e) => e.type === 'task_candidates_added'
    )
    assert.lengthOf(events, 1)
    assert.equal(events[0].actor, 'system')
    assert.deepInclude(events[0].data!, {
      groups: ['role:process_admin'],
      reason: 'timeout_escalation',
    })

    await h.port.complete(
      task.id,
      { decision: 'reject', opinion: '不同意' },
      again.version,
      'u-admin'
    )
    await assert.rejects(
      () => h.port.addCandidates(task.id, { users: ['u-late'] }, 'system'),
      TaskConflictException
    )
    assert.include(await historyTypes(h.port, instance.id), 'task_candidates_added:dept_review')
  })
})
