import { test } from '@japa/runner'
import type { Group } from '@japa/runner/core'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import lock from '@adonisjs/lock/services/main'
import User from '#models/user'
import Organisation from '#models/organisation'
import clock from '#services/clock'
import { TIMEOUT_LOCK_KEY } from '#services/requests/timeout_scheduler'
import { auditRows } from '#tests/helpers'
import { form, requestGroup } from './fixtures.js'
import { as, deployTimeoutVariant, runScheduler, travelTo } from './timeout_helpers.js'

/** A separate head for 生态环境监测中心, so escalation visibly reaches someone new. */
async function monitoringHead() {
  const org = await Organisation.findByOrFail('code', 'JC-EEB-MON')
  const head = await User.create({
    username: 'monhead',
    displayName: '监测中心主任',
    organisationId: org.id,
    email: 'monhead@jc-eeb-mon.jiangcheng.gov.cn',
    password: 'Mon#Head2026',
    status: 'active',
    failedLoginCount: 0,
  })
  org.headUserId = head.id
  await org.save()
  return head
}

async function submit(client: any, username: string, datasets = ['T-AIR-COND']) {
  const response = await as(client, username).post('/api/v1/requests', form(datasets))
  response.assertStatus(201)
  return response.body().data.code as string
}

function timeoutGroup(group: Group) {
  requestGroup(group)
}

async function firings(action?: string) {
  const rows = await db.from('task_timeout_firings').orderBy('id')
  return action ? rows.filter((row) => row.action === action) : rows
}

test.group('Task timeouts / reminders and escalation', (group) => {
  timeoutGroup(group)

  test('owner review: nothing before the due time, one reminder after it, then escalation to the head', async ({
    client,
    assert,
  }) => {
    await monitoringHead()
    // Mon 2 Mar 2026; owner_review: 5 working days → due Mon 9 Mar 23:59:59.999 (Shanghai).
    travelTo('2026-03-02T10:00:00')
    const code = await submit(client, 'enterprise')
    const reviewer = as(client, 'ownerreviewer')
    const head = as(client, 'monhead')
    const [task] = await reviewer.todo()
    assert.equal(task.dueAt, '2026-03-09T15:59:59.999Z')

    // remindBeforeHours = 8: due soon from 15:59:59.999 on the last day.
    travelTo('2026-03-09T15:59:00')
    assert.equal(await runScheduler(), 0)
    travelTo('2026-03-09T16:30:00')
    assert.equal(await runScheduler(), 1)
    const [soon] = await reviewer.notifications('task_due_soon')
    assert.include(soon.title, '2026-03-09 23:59')
    assert.lengthOf(await reviewer.notifications('task_reminder'), 0)
    travelTo('2026-03-09T23:59:00')
    assert.equal(await runScheduler(), 0)

    travelTo('2026-03-10T00:30:00')
    assert.equal(await runScheduler(), 1)
    const [reminder] = await reviewer.notifications('task_reminder')
    assert.equal(reminder.objectId, task.id)
    assert.include(reminder.title, '第 1/1 次提醒')
    assert.equal(await runScheduler(), 0, 'a reminder fires once')
    assert.lengthOf(await reviewer.notifications('task_reminder'), 1)
    assert.lengthOf(await head.todo(), 0, 'not escalated before due + one interval')

    travelTo('2026-03-11T00:30:00')
    assert.equal(await runScheduler(), 1)
    assert.equal(await runScheduler(), 0)
    const [escalated] = await head.todo()
    assert.equal(escalated.id, task.id)
    assert.include(escalated.candidateGroups, 'org:JC-EEB-MON:head')
    const [note] = await head.notifications('task_escalated')
    assert.equal(note.objectId, task.id)
    assert.lengthOf(await reviewer.todo(), 1, 'the reviewers keep the task')

    const detail = await as(client, 'enterprise').request(code)
    const entry = detail.timeline.find((e: any) => e.type === 'task_candidates_added')
    assert.equal(entry.actor, 'system')
    assert.equal(entry.activityId, 'owner_review')
    const [audit] = await auditRows('task.escalate')
    assert.equal(audit.object_id, task.id)
    assert.deepEqual(
      (await firings()).map((f) => [f.action, Number(f.seq), f.status]),
      [
        ['due_soon', 1, 'done'],
        ['remind', 1, 'done'],
        ['escalate', 1, 'done'],
      ]
    )

    // The head can now decide it like any reviewer.
    const decided = await head.post(`/api/v1/inbox/tasks/${escalated.id}/decision`, {
      action: 'approve',
      opinion: '督办后同意',
      version: escalated.version,
    })
    decided.assertStatus(204)
    assert.equal((await as(client, 'enterprise').request(code)).status, 'approved')
  })

  test('department review: reminds twice a day apart, then stops', async ({ client, assert }) => {
    travelTo('2026-03-02T10:00:00')
    const code = await submit(client, 'applicant')
    const head = as(client, 'deptreviewer')
    // dept_review: 3 working days → due Thu 5 Mar; reminders at due and due + 24 h.
    travelTo('2026-03-06T09:00:00')
    assert.equal(await runScheduler(), 1)
    travelTo('2026-03-06T23:00:00')
    assert.equal(await runScheduler(), 0)
    travelTo('2026-03-07T00:30:00')
    assert.equal(await runScheduler(), 1)
    travelTo('2026-03-20T00:00:00')
    assert.equal(await runScheduler(), 0, 'remindTimes = 2')
    const reminders = await head.notifications('task_reminder')
    assert.deepEqual(reminders.map((n) => n.data.reminder).sort(), [1, 2])
    assert.lengthOf(await firings('escalate'), 0)
    // Both reminders are on the request's timeline, as the system, naming who was told.
    const timeline = (await as(client, 'applicant').request(code)).timeline
    const onTimeline = timeline.filter((e: any) => e.type === 'action_remind')
    assert.lengthOf(onTimeline, 2)
    assert.isTrue(onTimeline.every((e: any) => e.actor === null && e.targets.length > 0))
  })

  test('a task decided before its timeout gets no further firing', async ({ client, assert }) => {
    travelTo('2026-03-02T10:00:00')
    await submit(client, 'applicant')
    travelTo('2026-03-06T09:00:00')
    assert.equal(await runScheduler(), 1)
    const [task] = await as(client, 'deptreviewer').todo()
    const decided = await as(client, 'deptreviewer').post(
      `/api/v1/inbox/tasks/${task.id}/decision`,
      { action: 'reject', opinion: '不同意', version: task.version }
    )
    decided.assertStatus(204)
    travelTo('2026-03-10T09:00:00')
    assert.equal(await runScheduler(), 0)
    assert.lengthOf(await firings('remind'), 1)
  })

  test('two schedulers at once fire each action exactly once, with or without the lock', async ({
    client,
    assert,
  }) => {
    travelTo('2026-03-02T10:00:00')
    await submit(client, 'applicant')
    await submit(client, 'applicant')
    travelTo('2026-03-06T09:00:00')
    const locked = await Promise.all([runScheduler(), runScheduler()])
    assert.equal(locked[0] + locked[1], 2, 'one reminder per task')
    assert.include(locked, 0, 'the second pass found the lock taken and did nothing')
    assert.lengthOf(await firings(), 2)

    // The unique (task, action, seq) row alone also keeps them single.
    travelTo('2026-03-07T00:30:00')
    const unlocked = await Promise.all([
      runScheduler({ useLock: false }),
      runScheduler({ useLock: false }),
    ])
    assert.equal(unlocked[0] + unlocked[1], 2)
    const reminders = await as(client, 'deptreviewer').notifications('task_reminder')
    assert.lengthOf(reminders, 4)
    assert.lengthOf(new Set(reminders.map((n) => `${n.objectId}:${n.data.reminder}`)), 4)
  })
})

test.group('Task timeouts / automatic decisions', (group) => {
  timeoutGroup(group)

  test('auto-approve completes each review as the system and the request is granted', async ({
    client,
    assert,
  }) => {
    await deployTimeoutVariant({
      dept_review: { timeoutAction: 'auto_approve', remindTimes: '0' },
      owner_review: { timeoutAction: 'auto_approve', remindTimes: '0' },
    })
    travelTo('2026-03-02T10:00:00')
    const code = await submit(client, 'applicant')
    const applicant = as(client, 'applicant')

    travelTo('2026-03-06T09:00:00')
    assert.equal(await runScheduler(), 1)
    assert.equal((await applicant.request(code)).status, 'in_review')
    const [owner] = await as(client, 'ownerreviewer').todo()
    assert.equal(owner.activityId, 'owner_review')

    // owner_review was created on Fri 6 Mar: 5 working days → due Fri 13 Mar.
    travelTo('2026-03-13T23:00:00')
    assert.equal(await runScheduler(), 1, 'only the due-soon reminder (remindBeforeHours = 8)')
    assert.equal((await applicant.request(code)).status, 'in_review')
    travelTo('2026-03-14T08:00:00')
    assert.equal(await runScheduler(), 1)

    const detail = await applicant.request(code)
    assert.equal(detail.status, 'approved')
    assert.deepEqual(detail.approvedDatasets, ['T-AIR-COND'])
    const completed = detail.timeline.filter((e: any) => e.type === 'task_completed')
    assert.deepEqual(
      completed.map((e: any) => [e.activityId, e.actor, e.decision, e.opinion]),
      [
        ['dept_review', 'system', 'approve', '超时自动通过'],
        ['owner_review', 'system', 'approve', '超时自动通过'],
      ]
    )
    const audits = await auditRows('task.approve')
    assert.lengthOf(audits, 2)
    assert.equal(audits[0].actor_username, 'system')
    assert.lengthOf(await applicant.notifications('request_decided'), 1)
    assert.equal(await runScheduler(), 0)
  })

  test('auto-reject ends the request as rejected with the system opinion', async ({
    client,
    assert,
  }) => {
    await deployTimeoutVariant({
      dept_review: { timeoutAction: 'auto_reject', remindTimes: '1', remindIntervalHours: '4' },
    })
    travelTo('2026-03-02T10:00:00')
    const code = await submit(client, 'applicant')
    travelTo('2026-03-06T02:00:00')
    assert.equal(await runScheduler(), 1, 'the reminder first')
    assert.equal((await as(client, 'applicant').request(code)).status, 'in_review')
    travelTo('2026-03-06T04:30:00')
    assert.equal(await runScheduler(), 1)
    const detail = await as(client, 'applicant').request(code)
    assert.equal(detail.status, 'rejected')
    const last = detail.timeline.find((e: any) => e.type === 'task_completed')
    assert.deepEqual(
      [last.actor, last.decision, last.opinion],
      ['system', 'reject', '超时自动驳回']
    )
    assert.lengthOf(await as(client, 'deptreviewer').todo(), 0)
    assert.lengthOf(await auditRows('task.reject'), 1)
  })

  test('a reviewer who decides first wins; the automatic decision is skipped', async ({
    client,
    assert,
  }) => {
    await deployTimeoutVariant({ dept_review: { timeoutAction: 'auto_reject', remindTimes: '0' } })
    travelTo('2026-03-02T10:00:00')
    const code = await submit(client, 'applicant')
    const [task] = await as(client, 'deptreviewer').todo()
    travelTo('2026-03-06T09:00:00')
    const decided = await as(client, 'deptreviewer').post(
      `/api/v1/inbox/tasks/${task.id}/decision`,
      { action: 'approve', opinion: '同意', version: task.version }
    )
    decided.assertStatus(204)
    assert.equal(await runScheduler(), 0)
    assert.equal((await as(client, 'applicant').request(code)).status, 'in_review')
    assert.lengthOf(await auditRows('task.reject'), 0)
  })
})

test.group('Task timeouts / the scheduler lock', (group) => {
  timeoutGroup(group)

  test('a pass does nothing while another instance holds the lock', async ({ client, assert }) => {
    travelTo('2026-03-02T10:00:00')
    await submit(client, 'applicant')
    travelTo('2026-03-06T09:00:00')
    const held = lock.createLock(TIMEOUT_LOCK_KEY, '1m')
    assert.isTrue(await held.acquireImmediately())
    try {
      assert.equal(await runScheduler(), 0)
      assert.lengthOf(await firings(), 0)
    } finally {
      await held.release()
    }
    assert.equal(await runScheduler(), 1)
    // MariaDB runs this on the database store (bin/test.ts): the row is gone once released.
    if (app.config.get('lock.default') === 'database') {
      assert.lengthOf(await db.from('locks').where('key', TIMEOUT_LOCK_KEY), 0)
    }
  })
})

test.group('Task timeouts / recovery', (group) => {
  timeoutGroup(group)

  test('a firing claimed by an instance that died is taken over after its lease, once', async ({
    client,
    assert,
  }) => {
    travelTo('2026-03-02T10:00:00')
    await submit(client, 'applicant')
    const [task] = await as(client, 'deptreviewer').todo()
    travelTo('2026-03-06T09:00:00')
    // What a crash between the claim and the reminder leaves behind.
    await db.table('task_timeout_firings').insert({
      task_id: task.id,
      instance_id: 'dead',
      business_key: task.requestCode,
      activity_id: task.activityId,
      action: 'remind',
      seq: 1,
      status: 'claimed',
      claimed_by: 'instance-that-died',
      attempts: 1,
      scheduled_at_ms: clock.nowMs(),
      fired_at_ms: clock.nowMs(),
    })
    assert.equal(await runScheduler(), 0, 'still within the lease')
    clock.travel({ minutes: 11 })
    assert.equal(await runScheduler(), 1)
    assert.equal(await runScheduler(), 0)
    const [row] = await firings('remind')
    assert.deepInclude(row, { status: 'done', attempts: 2 })
    assert.lengthOf(await as(client, 'deptreviewer').notifications('task_reminder'), 1)
  })
})
