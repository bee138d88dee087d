import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import clock from '#services/clock'
import { demoUser } from '#tests/helpers'
import { form, requestGroup } from './fixtures.js'

/** Moves the app clock to an instant given in Asia/Shanghai. */
function travelTo(local: string) {
  const target = DateTime.fromISO(local, { zone: 'Asia/Shanghai' }).toMillis()
  clock.travel({ seconds: Math.round((target - clock.nowMs()) / 1000) })
}

async function todo(client: any, username: string, qs: Record<string, unknown> = {}) {
  const response = await client
    .get('/api/v1/inbox/todo')
    .qs(qs)
    .withGuard('api')
    .loginAs(await demoUser(username))
  response.assertStatus(200)
  return response.body().data as any[]
}

test.group('Inbox / due dates on the business calendar', (group) => {
  requestGroup(group)

  test('three working days from the eve of National Day end on the make-up Saturday', async ({
    client,
    assert,
  }) => {
    travelTo('2026-09-30T10:00:00')
    const submitted = await client
      .post('/api/v1/requests')
      .json(form(['T-AIR-COND']))
      .withGuard('api')
      .loginAs(await demoUser('applicant'))
    submitted.assertStatus(201)

    // dept_review: deadlineWorkingDays = 3; Oct 1–7 are holidays, Sat Oct 10 is a working day (调休).
    const [task] = await todo(client, 'deptreviewer')
    assert.equal(task.activityId, 'dept_review')
    assert.equal(task.dueAt, '2026-10-10T15:59:59.999Z')
    assert.isFalse(task.overdue)
    const detail = await client
      .get(`/api/v1/inbox/tasks/${task.id}`)
      .withGuard('api')
      .loginAs(await demoUser('deptreviewer'))
    assert.equal(detail.body().data.dueAt, task.dueAt)
    assert.lengthOf(await todo(client, 'deptreviewer', { overdue: true }), 0)
    assert.lengthOf(await todo(client, 'deptreviewer', { overdue: false }), 1)

    travelTo('2026-10-10T23:00:00')
    assert.isFalse((await todo(client, 'deptreviewer'))[0].overdue, 'due at the end of the day')

    travelTo('2026-10-11T00:00:01')
    const [late] = await todo(client, 'deptreviewer', { overdue: true })
    assert.equal(late.id, task.id)
    assert.isTrue(late.overdue)
    assert.equal(late.dueAt, task.dueAt, 'the stored deadline does not move')
    assert.lengthOf(await todo(client, 'deptreviewer', { overdue: false }), 0)

    const bad = await client
      .get('/api/v1/inbox/todo')
      .qs({ overdue: 'soon' })
      .withGuard('api')
      .loginAs(await demoUser('deptreviewer'))
    bad.assertStatus(422)
  })
})
