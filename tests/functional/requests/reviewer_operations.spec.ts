import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { auditRows, demoUser } from '#tests/helpers'
import { form, requestGroup } from './fixtures.js'
import { asUser } from './http.js'

/** An internal applicant's conditional request: it waits at the department head (deptreviewer). */
async function atDeptReview(client: any) {
  const submitted = await asUser(client, 'applicant').submit(form(['T-AIR-COND']))
  submitted.assertStatus(201)
  const [task] = await asUser(client, 'deptreviewer').todo()
  return { code: submitted.body().data.code as string, task }
}

async function idOf(username: string) {
  return (await demoUser(username)).id
}

async function notificationsOf(username: string, kind: string) {
  return db
    .from('notifications')
    .where({ user_id: await idOf(username), kind })
    .orderBy('id')
}

async function timelineTypes(client: any, code: string) {
  const response = await asUser(client, 'applicant').detail(code)
  response.assertStatus(200)
  return response.body().data.timeline.map((e: any) => e.type) as string[]
}

test.group('Reviewer operations / 转办 委派', (group) => {
  requestGroup(group)

  test('转办: the task becomes the other reviewer’s; they decide it; the applicant sees why', async ({
    client,
    assert,
  }) => {
    const { code, task } = await atDeptReview(client)
    const head = asUser(client, 'deptreviewer')
    const response = await head.op(task, 'transfer', {
      userId: await idOf('secofficer'),
      opinion: '本人出差，转安全处代审',
    })
    response.assertStatus(200)
    assert.equal(response.body().data.assignee, String(await idOf('secofficer')))
    assert.lengthOf(await head.todo(), 0)
    const [theirs] = await asUser(client, 'secofficer').todo()
    assert.equal(theirs.id, task.id)
    assert.lengthOf(await notificationsOf('secofficer', 'task_transferred'), 1)
    ;(
      await asUser(client, 'secofficer').decide(theirs, { action: 'approve', opinion: '同意' })
    ).assertStatus(204)
    const [owner] = await asUser(client, 'ownerreviewer').todo()
    assert.equal(owner.activityId, 'owner_review')
    const detail = await asUser(client, 'applicant').detail(code)
    const transfer = detail.body().data.timeline.find((e: any) => e.type === 'action_transfer')
    assert.equal(transfer.opinion, '本人出差，转安全处代审')
    assert.deepEqual(transfer.targets, [await idOf('secofficer')])
    assert.lengthOf(await auditRows('task.transfer'), 1)
  })

  test('转办 is refused to the applicant, to oneself, to a non-reviewer, and on a stale version', async ({
    client,
    assert,
  }) => {
    const { task } = await atDeptReview(client)
    const head = asUser(client, 'deptreviewer')
    for (const username of ['applicant', 'deptreviewer', 'catalogadmin']) {
      const refused = await head.op(task, 'transfer', { userId: await idOf(username) })
      refused.assertStatus(422)
      assert.equal(refused.body().error.details[0].field, 'userIds')
    }
    ;(await head.op(task, 'transfer', { userId: 999999 })).assertStatus(422)
    const stale = await head.op({ ...task, version: task.version + 5 }, 'transfer', {
      userId: await idOf('secofficer'),
    })
    stale.assertStatus(409)
    ;(
      await head.op(task, 'transfer', { userId: await idOf('secofficer'), role: 'x' })
    ).assertStatus(422)
    // Someone who cannot see the task cannot move it: 404, not 403.
    ;(
      await asUser(client, 'ownerreviewer').op(task, 'transfer', {
        userId: await idOf('secofficer'),
      })
    ).assertStatus(404)
  })

  test('委派: the delegate works it and resolves it back; until then nobody can decide it', async ({
    client,
    assert,
  }) => {
    const { code, task } = await atDeptReview(client)
    const head = asUser(client, 'deptreviewer')
    const expert = asUser(client, 'secofficer')
    const delegated = await head.op(task, 'delegate', {
      userId: await idOf('secofficer'),
      opinion: '请安全处先看数据分级',
    })
    delegated.assertStatus(200)
    assert.equal(delegated.body().data.delegationState, 'pending')
    assert.equal(delegated.body().data.owner, String(await idOf('deptreviewer')))

    const current = delegated.body().data
    const ownerTry = await head.decide(current, { action: 'approve', opinion: '同意' })
    ownerTry.assertStatus(409)
    assert.equal(ownerTry.body().error.code, 'E_TASK_DELEGATED')
    const [mine] = await expert.todo()
    assert.equal(mine.id, task.id)
    const expertTry = await expert.decide(mine, { action: 'approve', opinion: '同意' })
    assert.equal(expertTry.body().error.code, 'E_TASK_DELEGATED')
    ;(await expert.op(mine, 'resolve', { opinion: '' })).assertStatus(422)
    ;(await head.op(current, 'resolve', { opinion: '我自己交还' })).assertStatus(422)

    const resolved = await expert.op(mine, 'resolve', { opinion: '数据为一般级，可共享' })
    resolved.assertStatus(200)
    assert.equal(resolved.body().data.assignee, String(await idOf('deptreviewer')))
    assert.lengthOf(await expert.todo(), 0)
    assert.lengthOf(await notificationsOf('deptreviewer', 'task_resolved'), 1)
    const [back] = await head.todo()
    ;(await head.decide(back, { action: 'approve', opinion: '同意' })).assertStatus(204)
    const types = await timelineTypes(client, code)
    assert.includeMembers(types, ['action_delegate', 'action_resolve', 'task_completed'])
  })
})

test.group('Reviewer operations / 加签 减签', (group) => {
  requestGroup(group)

  test('加签 before: the added approver acts first; the reviewer waits, then decides', async ({
    client,
    assert,
  }) => {
    const { task } = await atDeptReview(client)
    const head = asUser(client, 'deptreviewer')
    const added = await head.op(task, 'signoffs', {
      userIds: [await idOf('secofficer')],
      position: 'before',
      opinion: '请先确认安全要求',
    })
    added.assertStatus(201)
    const now = added.body().data.task
    assert.equal(now.assignee, String(await idOf('deptreviewer')), 'a group task is claimed')
    const waiting = await head.decide(now, { action: 'approve', opinion: '同意' })
    waiting.assertStatus(409)
    assert.equal(waiting.body().error.code, 'E_TASK_WAITING_SIGNOFF')

    const [item] = await asUser(client, 'secofficer').todo()
    assert.equal(item.kind, 'signoff')
    assert.equal(item.taskId, task.id)
    assert.equal(item.request.code, item.requestCode)
    assert.lengthOf(await notificationsOf('secofficer', 'signoff_requested'), 1)
    const noOpinion = await asUser(client, 'secofficer').signoff(item, { action: 'approve' })
    noOpinion.assertStatus(422)
    const signed = await asUser(client, 'secofficer').signoff(item, {
      action: 'approve',
      opinion: '符合安全要求',
    })
    signed.assertStatus(200)
    assert.equal(signed.body().data.status, 'approved')
    const again = await asUser(client, 'secofficer').signoff(item, {
      action: 'approve',
      opinion: '再签一次',
    })
    again.assertStatus(404)

    ;(await head.decide(now, { action: 'approve', opinion: '同意' })).assertStatus(204)
    const [owner] = await asUser(client, 'ownerreviewer').todo()
    assert.equal(owner.activityId, 'owner_review')
  })

  test('加签 after: the approval is held until the added approver signs, then the route moves on', async ({
    client,
    assert,
  }) => {
    const { code, task } = await atDeptReview(client)
    const head = asUser(client, 'deptreviewer')
    const added = await head.op(task, 'signoffs', {
      userIds: [await idOf('secofficer')],
      position: 'after',
    })
    added.assertStatus(201)
    assert.lengthOf(await asUser(client, 'secofficer').todo(), 0, 'after-approvers wait')
    const now = added.body().data.task
    ;(await head.decide(now, { action: 'approve', opinion: '同意，请安全处会签' })).assertStatus(
      204
    )
    assert.lengthOf(await asUser(client, 'ownerreviewer').todo(), 0, 'held: not passed on yet')
    const held = await head.decide(now, { action: 'approve', opinion: '再次同意' })
    assert.equal(held.body().error.code, 'E_TASK_HELD')

    const [item] = await asUser(client, 'secofficer').todo()
    assert.equal(item.position, 'after')
    ;(
      await asUser(client, 'secofficer').signoff(item, { action: 'approve', opinion: '会签同意' })
    ).assertStatus(200)
    const [owner] = await asUser(client, 'ownerreviewer').todo()
    assert.equal(owner.activityId, 'owner_review')
    const detail = await asUser(client, 'applicant').detail(code)
    const completed = detail.body().data.timeline.find((e: any) => e.type === 'task_completed')
    assert.equal(completed.opinion, '同意，请安全处会签')
    assert.equal(completed.actor, String(await idOf('deptreviewer')))
  })

  test('加签 after: an objection by the added approver rejects the node', async ({
    client,
    assert,
  }) => {
    const { code, task } = await atDeptReview(client)
    const head = asUser(client, 'deptreviewer')
    const added = await head.op(task, 'signoffs', {
      userIds: [await idOf('secofficer')],
      position: 'after',
    })
    ;(
      await head.decide(added.body().data.task, { action: 'approve', opinion: '同意' })
    ).assertStatus(204)
    const [item] = await asUser(client, 'secofficer').todo()
    ;(
      await asUser(client, 'secofficer').signoff(item, {
        action: 'reject',
        opinion: '用途超出职责范围',
      })
    ).assertStatus(200)
    const detail = await asUser(client, 'applicant').detail(code)
    assert.equal(detail.body().data.status, 'rejected')
  })

  test('减签: the adder removes an approver who has not acted; nobody else can; not after acting', async ({
    client,
    assert,
  }) => {
    const { task } = await atDeptReview(client)
    const head = asUser(client, 'deptreviewer')
    const added = await head.op(task, 'signoffs', {
      userIds: [await idOf('secofficer'), await idOf('ownerreviewer')],
      position: 'before',
    })
    const [sec, owner] = added.body().data.signoffs
    const base = `/api/v1/inbox/tasks/${task.id}/signoffs`
    ;(await asUser(client, 'ownerreviewer').delete(`${base}/${sec.id}`)).assertStatus(404)
    const removed = await head.delete(`${base}/${sec.id}`)
    removed.assertStatus(200)
    assert.equal(removed.body().data.signoffs[0].status, 'removed')
    assert.lengthOf(await asUser(client, 'secofficer').todo(), 0)
    ;(
      await asUser(client, 'ownerreviewer').signoff(owner, { action: 'approve', opinion: '同意' })
    ).assertStatus(200)
    ;(await head.delete(`${base}/${owner.id}`)).assertStatus(409)
    // Adding the same person twice while pending is refused; the applicant can never be added.
    const now = added.body().data.task
    const twice = await head.op(now, 'signoffs', {
      userIds: [await idOf('applicant')],
      position: 'after',
    })
    twice.assertStatus(422)
    ;(await head.decide(now, { action: 'approve', opinion: '同意' })).assertStatus(204)
  })
})

test.group('Reviewer operations / 抄送 催办 撤回', (group) => {
  requestGroup(group)

  test('抄送: the people copied read the request, see it in their tab, and are told', async ({
    client,
    assert,
  }) => {
    const { code, task } = await atDeptReview(client)
    const admin = asUser(client, 'catalogadmin')
    ;(await admin.detail(code)).assertStatus(403)
    const cc = `/api/v1/inbox/tasks/${task.id}/cc`
    const copied = await asUser(client, 'deptreviewer').post(cc, {
      userIds: [await idOf('catalogadmin')],
      note: '请目录管理员知悉',
    })
    copied.assertStatus(200)
    assert.deepEqual(copied.body().data.copied, [await idOf('catalogadmin')])
    ;(await admin.detail(code)).assertStatus(200)
    const tab = await admin.get('/api/v1/inbox/cc')
    assert.equal(tab.body().data[0].code, code)
    assert.equal(tab.body().data[0].note, '请目录管理员知悉')
    assert.lengthOf(await notificationsOf('catalogadmin', 'request_cc'), 1)
    const again = await asUser(client, 'deptreviewer').post(cc, {
      userIds: [await idOf('catalogadmin')],
    })
    assert.deepEqual(again.body().data.alreadyCopied, [await idOf('catalogadmin')])
    assert.lengthOf(await notificationsOf('catalogadmin', 'request_cc'), 1)
    // Read-only: being copied gives no decision.
    ;(await admin.decide(task, { action: 'approve', opinion: '同意' })).assertStatus(404)
  })

  test('催办: the applicant reminds the reviewers, at most once per 30 minutes', async ({
    client,
    assert,
  }) => {
    const { clock } = await import('#services/clock').then((m) => ({ clock: m.default }))
    const { code } = await atDeptReview(client)
    const applicant = asUser(client, 'applicant')
    const urged = await applicant.post(`/api/v1/requests/${code}/urge`, { note: '项目急需' })
    urged.assertStatus(200)
    assert.equal(urged.body().data.reached, 1)
    assert.lengthOf(await notificationsOf('deptreviewer', 'request_urged'), 1)
    const soon = await applicant.post(`/api/v1/requests/${code}/urge`, {})
    soon.assertStatus(429)
    assert.equal(soon.body().error.code, 'E_URGE_TOO_SOON')
    assert.isAbove(Number(soon.header('retry-after')), 0)
    clock.travel({ minutes: 31 })
    ;(await applicant.post(`/api/v1/requests/${code}/urge`, {})).assertStatus(200)
    assert.lengthOf(await notificationsOf('deptreviewer', 'request_urged'), 2)
    ;(await asUser(client, 'ownerreviewer').post(`/api/v1/requests/${code}/urge`, {})).assertStatus(
      403
    )
    const open = await asUser(client, 'applicant').submit(form(['T-AIR-OPEN']))
    const ended = await applicant.post(`/api/v1/requests/${open.body().data.code}/urge`, {})
    ended.assertStatus(409)
  })

  test('撤回: the head takes back an approval the owner has not touched; not after they act', async ({
    client,
    assert,
  }) => {
    const { code, task } = await atDeptReview(client)
    const head = asUser(client, 'deptreviewer')
    ;(await head.decide(task, { action: 'approve', opinion: '同意' })).assertStatus(204)
    assert.lengthOf(await asUser(client, 'ownerreviewer').todo(), 1)
    ;(
      await asUser(client, 'ownerreviewer').post(`/api/v1/inbox/tasks/${task.id}/withdraw`)
    ).assertStatus(409)
    ;(await head.post(`/api/v1/inbox/tasks/${task.id}/withdraw`)).assertStatus(204)
    assert.lengthOf(await asUser(client, 'ownerreviewer').todo(), 0)
    assert.lengthOf(await notificationsOf('ownerreviewer', 'task_withdrawn'), 1)
    const [reopened] = await head.todo()
    assert.equal(reopened.activityId, 'dept_review')
    assert.include(await timelineTypes(client, code), 'action_withdraw_step')

    ;(await head.decide(reopened, { action: 'approve', opinion: '再次同意' })).assertStatus(204)
    const [owner] = await asUser(client, 'ownerreviewer').todo()
    ;(
      await asUser(client, 'ownerreviewer').decide(owner, { action: 'approve', opinion: '同意' })
    ).assertStatus(204)
    const late = await head.post(`/api/v1/inbox/tasks/${reopened.id}/withdraw`)
    late.assertStatus(409)
    assert.match(late.body().error.code, /^E_STEP_NOT_WITHDRAWABLE_/)
  })

  test('concurrent decisions over HTTP: exactly one wins, the other gets 409', async ({
    client,
    assert,
  }) => {
    const { code, task } = await atDeptReview(client)
    const head = asUser(client, 'deptreviewer')
    const [a, b] = await Promise.all([
      head.decide(task, { action: 'approve', opinion: '同意' }),
      head.decide(task, { action: 'reject', opinion: '不同意' }),
    ])
    assert.sameMembers([a.status(), b.status()], [204, 409])
    const detail = await asUser(client, 'applicant').detail(code)
    const decided = detail.body().data.timeline.filter((e: any) => e.type === 'task_completed')
    assert.lengthOf(decided, 1)
  })
})
