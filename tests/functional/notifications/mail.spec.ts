import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import type { Group } from '@japa/runner/core'
import clock from '#services/clock'
import workflowRuntime from '#services/workflow_runtime'
import { dispatchMailOutbox, mailChannel } from '#services/notifications/mail_outbox'
import { auditRows, demoUser, isolate } from '#tests/helpers'
import { catalog, form } from '../requests/fixtures.js'
import { as, runScheduler, travelTo } from '../requests/timeout_helpers.js'

function mailGroup(group: Group, enabled: boolean) {
  isolate(group)
  group.each.setup(async () => {
    workflowRuntime.reset()
    await catalog()
    mailChannel.configure(enabled)
    return () => {
      mailChannel.configure(false)
      mail.restore()
    }
  })
}

/*
 * Submits a request while the transport refuses every mail, as an SMTP server that is down would;
 * `recover()` lets mail through again.
 */
async function refusingSubmit(client: any, reply: string) {
  const fake = mail.fake()
  const deliver = fake.send.bind(fake)
  fake.send = async () => {
    throw new Error(reply)
  }
  travelTo('2026-03-02T10:00:00')
  ;(await as(client, 'applicant').post('/api/v1/requests', form(['T-AIR-COND']))).assertStatus(201)
  return {
    fake,
    recover: () => {
      fake.send = deliver
    },
  }
}

async function outbox() {
  return db.from('mail_outbox').orderBy('id')
}

test.group('E-mail / configured (MAIL_MAILER=smtp)', (group) => {
  mailGroup(group, true)

  test('a new task, a reminder and the grant are mailed once each, in both languages', async ({
    client,
    assert,
  }) => {
    const { messages } = mail.fake()
    const head = await demoUser('deptreviewer')
    const applicant = await demoUser('applicant')
    travelTo('2026-03-02T10:00:00')
    const submitted = await as(client, 'applicant').post('/api/v1/requests', form(['T-AIR-COND']))
    submitted.assertStatus(201)
    const code = submitted.body().data.code

    assert.lengthOf(messages.sent(), 0, 'nothing is sent inside the workflow step')
    assert.equal(await dispatchMailOutbox(), 1)
    const [assigned] = messages.sent()
    assigned.assertTo(head.email!)
    assigned.assertSubject(
      `[EcoShare] 新待办：部门负责人审核（${code}）/ New task: 部门负责人审核 (${code})`
    )
    assigned.assertTextIncludes('请勿回复')
    assigned.assertTextIncludes('please do not reply')
    assert.equal(await dispatchMailOutbox(), 0, 'at most once per notification')

    travelTo('2026-03-06T09:00:00')
    assert.equal(await runScheduler(), 1)
    assert.equal(await dispatchMailOutbox(), 1)
    messages.assertSent((m) => m.hasTo(head.email!) && m.toJSON().message.subject!.includes('提醒'))

    const [task] = await as(client, 'deptreviewer').todo()
    const approve = (who: string, t: any) =>
      as(client, who).post(`/api/v1/inbox/tasks/${t.id}/decision`, {
        action: 'approve',
        opinion: '同意',
        version: t.version,
      })
    ;(await approve('deptreviewer', task)).assertStatus(204)
    const [owner] = await as(client, 'ownerreviewer').todo()
    ;(await approve('ownerreviewer', owner)).assertStatus(204)
    await dispatchMailOutbox()
    messages.assertSent(
      (m) => m.hasTo(applicant.email!) && m.toJSON().message.subject!.includes('已通过')
    )
    const rows = await outbox()
    assert.isTrue(rows.every((row) => row.status === 'sent'))
    assert.lengthOf(new Set(rows.map((row) => row.notification_id)), rows.length)
  })

  test('an SMTP failure leaves the workflow alone and is retried with back-off', async ({
    client,
    assert,
  }) => {
    const { fake, recover } = await refusingSubmit(client, '421 service not available')
    assert.lengthOf(await as(client, 'deptreviewer').todo(), 1, 'the step went through')

    assert.equal(await dispatchMailOutbox(), 0)
    let [row] = await outbox()
    assert.deepInclude(row, { status: 'pending', attempts: 1 })
    assert.include(row.last_error, '421')
    assert.equal(await dispatchMailOutbox(), 0, 'not before its back-off')
    assert.equal(Number((await outbox())[0].attempts), 1)

    recover()
    travelTo('2026-03-02T10:01:00')
    assert.equal(await dispatchMailOutbox(), 1)
    ;[row] = await outbox()
    assert.deepInclude(row, { status: 'sent', attempts: 2 })
    assert.lengthOf(fake.messages.sent(), 1)
  })

  test("the background loop's pass reminds and mails, as the web server runs it", async ({
    client,
    assert,
  }) => {
    const { messages } = mail.fake()
    travelTo('2026-03-02T10:00:00')
    ;(await as(client, 'applicant').post('/api/v1/requests', form(['T-AIR-COND']))).assertStatus(
      201
    )
    travelTo('2026-03-06T09:00:00')
    await workflowRuntime.backgroundPass()
    const [reminder] = await as(client, 'deptreviewer').notifications('task_reminder')
    assert.include(reminder.title, '第 1/2 次提醒')
    messages.assertSent((m) => m.toJSON().message.subject!.includes('第 1/2 次提醒'))
    assert.lengthOf(messages.sent(), 2, 'the new task and the reminder')
  })

  test('a mail that keeps failing ends failed; a process admin sees it and sends it again', async ({
    client,
    assert,
  }) => {
    const { recover } = await refusingSubmit(client, '550 mailbox unavailable')
    for (let attempt = 1; attempt <= 8; attempt++) {
      await dispatchMailOutbox()
      clock.travel({ hours: 2 })
    }
    assert.equal(await dispatchMailOutbox(), 0, 'given up after 8 attempts')
    const [row] = await outbox()
    assert.deepInclude(row, { status: 'failed', attempts: 8 })

    const admin = as(client, 'processadmin')
    const listed = await admin.get('/api/v1/process-admin/mail-outbox?status=failed')
    listed.assertStatus(200)
    const [failed] = listed.body().data
    assert.deepInclude(failed, { id: row.id, to: 'd***@jc-wr.jiangcheng.gov.cn', attempts: 8 })
    assert.include(failed.lastError, '550')
    ;(
      await as(client, 'applicant').post(`/api/v1/process-admin/mail-outbox/${row.id}/retry`, {})
    ).assertStatus(403)
    ;(await admin.get('/api/v1/process-admin/mail-outbox?status=lost')).assertStatus(422)

    recover()
    ;(await admin.post(`/api/v1/process-admin/mail-outbox/${row.id}/retry`, {})).assertStatus(204)
    ;(await admin.post(`/api/v1/process-admin/mail-outbox/${row.id}/retry`, {})).assertStatus(404)
    assert.equal(await dispatchMailOutbox(), 1)
    assert.deepInclude((await outbox())[0], { status: 'sent', attempts: 1 })
    assert.lengthOf(await auditRows('mail.retry'), 1)
  })

  test('users without an address get in-app messages only', async ({ client, assert }) => {
    mail.fake()
    await db.from('users').where('username', 'deptreviewer').update({ email: null })
    ;(await as(client, 'applicant').post('/api/v1/requests', form(['T-AIR-COND']))).assertStatus(
      201
    )
    assert.lengthOf(await as(client, 'deptreviewer').notifications('task_assigned'), 1)
    assert.lengthOf(await outbox(), 0)
  })
})

test.group('E-mail / not configured', (group) => {
  mailGroup(group, false)

  test('notifications stay in-app and nothing is queued', async ({ client, assert }) => {
    const { messages } = mail.fake()
    ;(await as(client, 'applicant').post('/api/v1/requests', form(['T-AIR-COND']))).assertStatus(
      201
    )
    assert.lengthOf(await as(client, 'deptreviewer').notifications('task_assigned'), 1)
    assert.equal(await dispatchMailOutbox(), 0)
    assert.lengthOf(await outbox(), 0)
    assert.lengthOf(messages.sent(), 0)
  })
})
