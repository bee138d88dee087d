import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock'
import { demoUser } from '#tests/helpers'
import { form, requestGroup } from './fixtures.js'
import { asUser } from './http.js'

test.group('Requests / per-node settings', (group) => {
  requestGroup(group)

  test('字段权限: hidden fields never reach the reviewer; editable ones can only be narrowed', async ({
    client,
    assert,
  }) => {
    const applicant = asUser(client, 'applicant')
    const head = asUser(client, 'deptreviewer')
    const validUntil = clock.now().plus({ months: 6 }).toISODate()!
    const code = (
      await applicant.submit(form(['T-AIR-COND'], { fields: ['station_code', 'pm25'], validUntil }))
    ).body().data.code
    const [task] = await head.todo()
    const shown = (await head.get(`/api/v1/inbox/tasks/${task.id}`)).body().data
    assert.equal(shown.node.fieldPermissions.validUntil, 'editable')
    assert.equal(shown.request.form.contact, '李申请 13871230001', 'the head sees the contact')

    const shorter = clock.now().plus({ months: 2 }).toISODate()
    const later = clock.now().plus({ months: 9 }).toISODate()
    const refusals = [
      [{ validUntil: later }, 'formChanges.validUntil'],
      [{ fields: ['station_code', 'no2'] }, 'formChanges.fields'],
    ] as const
    for (const [formChanges, field] of refusals) {
      const refused = await head.decide(task, { action: 'approve', opinion: '同意', formChanges })
      refused.assertStatus(422)
      assert.equal(refused.body().error.details[0].field, field)
    }
    const onReject = await head.decide(task, {
      action: 'reject',
      opinion: '不同意',
      formChanges: { fields: ['pm25'] },
    })
    assert.equal(onReject.body().error.details[0].field, 'formChanges')
    const smuggled = await head.decide(task, {
      action: 'approve',
      opinion: '同意',
      formChanges: { purpose: '改用途' },
    })
    smuggled.assertStatus(422)
    assert.equal(smuggled.body().error.code, 'E_UNKNOWN_FIELDS')

    ;(
      await head.decide(task, {
        action: 'approve',
        opinion: '同意，仅限 PM2.5，两个月',
        formChanges: { validUntil: shorter, fields: ['pm25'] },
      })
    ).assertStatus(204)
    const detail = (await applicant.detail(code)).body().data
    assert.equal(detail.form.validUntil, shorter)
    assert.deepEqual(detail.form.fields, ['pm25'])

    // The owner review hides the applicant's contact (personal phone number).
    const [owner] = await asUser(client, 'ownerreviewer').todo()
    const ownerView = (
      await asUser(client, 'ownerreviewer').get(`/api/v1/inbox/tasks/${owner.id}`)
    ).body().data
    assert.notProperty(ownerView.request.form, 'contact')
    assert.equal(ownerView.request.form.validUntil, shorter)
  })

  test('无人匹配: a task whose candidates resolve to nobody goes to the process admins', async ({
    client,
    assert,
  }) => {
    // T-ENF-IMPORTANT's provider (JC-EEB-ENF) has no owner reviewer among the demo users.
    const code = (await asUser(client, 'enterprise').submit(form(['T-ENF-IMPORTANT']))).body().data
      .code
    const admin = asUser(client, 'processadmin')
    const [task] = await admin.todo()
    assert.equal(task.requestCode, code)
    assert.equal(task.activityId, 'owner_review')
    assert.equal(task.assignee, String((await demoUser('processadmin')).id))
    const told = await db
      .from('notifications')
      .where({ user_id: (await demoUser('processadmin')).id, object_id: task.id })
    assert.lengthOf(told, 1)
    const types = (await asUser(client, 'enterprise').detail(code)).body().data.timeline
    assert.include(
      types.map((e: any) => e.type),
      'action_fallback'
    )
    ;(await admin.decide(task, { action: 'approve', opinion: '代为审核，同意' })).assertStatus(204)
    const [security] = await asUser(client, 'secofficer').todo()
    assert.equal(security.requestCode, code)
  })
})
