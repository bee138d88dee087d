import { test } from '@japa/runner'
import User from '#models/user'
import Organisation from '#models/organisation'
import UserRole from '#models/user_role'
import workflowRuntime from '#services/workflow_runtime'
import { auditRows, demoUser, isolate } from '#tests/helpers'
import { catalog, form } from './fixtures.js'
import { asUser } from './http.js'

const submit = (client: any, username: string, body: Record<string, unknown>) =>
  asUser(client, username).submit(body)
const todo = (client: any, username: string) => asUser(client, username).todo()
const decide = (client: any, username: string, task: any, body: Record<string, unknown>) =>
  asUser(client, username).decide(task, body)
const detail = (client: any, username: string, code: string) =>
  asUser(client, username).detail(code)

test.group('Requests / submit and the three routes', (group) => {
  isolate(group)
  group.each.setup(async () => {
    // The engine keeps deployments and instances in memory; each test's transaction starts empty.
    workflowRuntime.reset()
    await catalog()
  })

  test('unconditional + general data is granted within the submit call', async ({
    client,
    assert,
  }) => {
    const response = await submit(client, 'applicant', form(['T-AIR-OPEN']))
    response.assertStatus(201)
    assert.equal(response.body().data.status, 'approved')
    assert.deepEqual(response.body().data.approvedDatasets, ['T-AIR-OPEN'])
    assert.lengthOf(await auditRows('request.submit'), 1)
  })

  test('不予共享 is refused at submission with its legal basis, and nothing is stored', async ({
    client,
    assert,
  }) => {
    const response = await submit(client, 'applicant', form(['T-AIR-OPEN', 'T-SECRET-NO']))
    response.assertStatus(422)
    assert.equal(response.body().error.code, 'E_DATASET_NOT_SHARED')
    assert.include(response.body().error.details[0].legalBasis, '保守国家秘密法')
    const mine = await client
      .get('/api/v1/requests')
      .withGuard('api')
      .loginAs(await demoUser('applicant'))
    assert.lengthOf(mine.body().data, 0)
  })

  test('conditional data: department head, then owner, then granted; timeline records opinions', async ({
    client,
    assert,
  }) => {
    const submitted = await submit(client, 'applicant', form(['T-AIR-COND']))
    submitted.assertStatus(201)
    const code = submitted.body().data.code
    assert.equal(submitted.body().data.status, 'in_review')
    assert.lengthOf(await todo(client, 'ownerreviewer'), 0)

    const [head] = await todo(client, 'deptreviewer')
    assert.equal(head.activityId, 'dept_review')
    ;(
      await decide(client, 'deptreviewer', head, { action: 'approve', opinion: '同意，用途明确' })
    ).assertStatus(204)

    const [owner] = await todo(client, 'ownerreviewer')
    assert.equal(owner.activityId, 'owner_review')
    ;(
      await decide(client, 'ownerreviewer', owner, { action: 'approve', opinion: '同意提供' })
    ).assertStatus(204)

    const done = await detail(client, 'applicant', code)
    done.assertStatus(200)
    assert.equal(done.body().data.status, 'approved')
    const opinions = done
      .body()
      .data.timeline.filter((e: any) => e.type === 'task_completed')
      .map((e: any) => e.opinion)
    assert.deepEqual(opinions, ['同意，用途明确', '同意提供'])
  })

  test('an external applicant skips the department review', async ({ client, assert }) => {
    const submitted = await submit(client, 'enterprise', form(['T-AIR-COND']))
    const [owner] = await todo(client, 'ownerreviewer')
    assert.equal(owner.requestCode, submitted.body().data.code)
    assert.lengthOf(await todo(client, 'deptreviewer'), 0)
  })

  test('two owners review in parallel; one refusal gives a partial grant after security review', async ({
    client,
    assert,
  }) => {
    const enf = await Organisation.findByOrFail('code', 'JC-EEB-ENF')
    const enfReviewer = await User.create({
      username: 'enfreviewer',
      displayName: '执法审核',
      organisationId: enf.id,
      password: 'Enf#Review2026',
      status: 'active',
      failedLoginCount: 0,
    })
    await UserRole.create({ userId: enfReviewer.id, role: 'owner_reviewer' })

    const submitted = await submit(client, 'enterprise', form(['T-AIR-COND', 'T-ENF-IMPORTANT']))
    const code = submitted.body().data.code
    const [monTask] = await todo(client, 'ownerreviewer')
    const [enfTask] = await todo(client, 'enfreviewer')
    assert.deepEqual(monTask.scope.ownerReview.datasets, ['T-AIR-COND'])
    assert.deepEqual(enfTask.scope.ownerReview.datasets, ['T-ENF-IMPORTANT'])

    ;(
      await decide(client, 'enfreviewer', enfTask, {
        action: 'reject',
        opinion: '涉及执法线索，不同意',
      })
    ).assertStatus(204)
    ;(
      await decide(client, 'ownerreviewer', monTask, { action: 'approve', opinion: '同意' })
    ).assertStatus(204)

    // T-ENF-IMPORTANT made the request important: the security officer still reviews the approved part.
    const [security] = await todo(client, 'secofficer')
    assert.equal(security.activityId, 'security_review')
    ;(
      await decide(client, 'secofficer', security, { action: 'approve', opinion: '安全审核通过' })
    ).assertStatus(204)

    const done = await detail(client, 'enterprise', code)
    assert.equal(done.body().data.status, 'partially_approved')
    assert.deepEqual(done.body().data.approvedDatasets, ['T-AIR-COND'])
  })

  test('a rejection needs an opinion and ends the request as rejected', async ({
    client,
    assert,
  }) => {
    const code = (await submit(client, 'applicant', form(['T-AIR-COND']))).body().data.code
    const [head] = await todo(client, 'deptreviewer')
    const bare = await decide(client, 'deptreviewer', head, { action: 'reject' })
    bare.assertStatus(422)
    assert.equal(bare.body().error.details[0].field, 'opinion')
    ;(
      await decide(client, 'deptreviewer', head, { action: 'reject', opinion: '用途与职责无关' })
    ).assertStatus(204)
    assert.equal((await detail(client, 'applicant', code)).body().data.status, 'rejected')
  })

  test('return sends the request back to the applicant, who sees an amend task', async ({
    client,
    assert,
  }) => {
    const code = (await submit(client, 'enterprise', form(['T-AIR-COND']))).body().data.code
    const [owner] = await todo(client, 'ownerreviewer')
    ;(
      await decide(client, 'ownerreviewer', owner, {
        action: 'return',
        opinion: '请补充数据使用范围',
      })
    ).assertStatus(204)
    assert.equal((await detail(client, 'enterprise', code)).body().data.status, 'returned')
    const [amend] = await todo(client, 'enterprise')
    assert.equal(amend.activityId, 'amend')
    assert.lengthOf(await todo(client, 'ownerreviewer'), 0)
  })

  test('a stale version (someone decided first) is a 409 and changes nothing', async ({
    client,
    assert,
  }) => {
    const code = (await submit(client, 'applicant', form(['T-AIR-COND']))).body().data.code
    const [head] = await todo(client, 'deptreviewer')
    const stale = await decide(
      client,
      'deptreviewer',
      { ...head, version: head.version + 7 },
      { action: 'approve', opinion: '同意' }
    )
    stale.assertStatus(409)
    assert.equal(stale.body().error.code, 'E_TASK_CONFLICT')
    ;(
      await decide(client, 'deptreviewer', head, { action: 'approve', opinion: '同意' })
    ).assertStatus(204)
    const again = await decide(client, 'deptreviewer', head, {
      action: 'reject',
      opinion: '改主意',
    })
    assert.oneOf(again.status(), [404, 409])
    assert.equal((await detail(client, 'applicant', code)).body().data.status, 'in_review')
  })

  test('withdraw works before any review, and is refused after one', async ({ client, assert }) => {
    const first = (await submit(client, 'applicant', form(['T-AIR-COND']))).body().data.code
    const withdrawn = await client
      .post(`/api/v1/requests/${first}/withdraw`)
      .json({ reason: '需求变更' })
      .withGuard('api')
      .loginAs(await demoUser('applicant'))
    withdrawn.assertStatus(200)
    assert.equal(withdrawn.body().data.status, 'withdrawn')
    assert.lengthOf(await todo(client, 'deptreviewer'), 0)

    const second = (await submit(client, 'applicant', form(['T-AIR-COND']))).body().data.code
    const [head] = await todo(client, 'deptreviewer')
    await decide(client, 'deptreviewer', head, { action: 'approve', opinion: '同意' })
    const late = await client
      .post(`/api/v1/requests/${second}/withdraw`)
      .json({ reason: '不需要了' })
      .withGuard('api')
      .loginAs(await demoUser('applicant'))
    late.assertStatus(409)
    const cancelled = await client
      .post(`/api/v1/requests/${second}/cancel`)
      .json({ reason: '项目取消' })
      .withGuard('api')
      .loginAs(await demoUser('applicant'))
    cancelled.assertStatus(200)
    assert.equal(cancelled.body().data.status, 'cancelled')
    assert.lengthOf(await todo(client, 'ownerreviewer'), 0)
  })

  test('object-level authorisation: others cannot see, withdraw or decide', async ({
    client,
    assert,
  }) => {
    const code = (await submit(client, 'applicant', form(['T-AIR-COND']))).body().data.code
    ;(await detail(client, 'enterprise', code)).assertStatus(403)
    const withdraw = await client
      .post(`/api/v1/requests/${code}/withdraw`)
      .json({ reason: 'x' })
      .withGuard('api')
      .loginAs(await demoUser('enterprise'))
    withdraw.assertStatus(403)
    const [head] = await todo(client, 'deptreviewer')
    const foreign = await decide(client, 'ownerreviewer', head, {
      action: 'approve',
      opinion: '越权',
    })
    foreign.assertStatus(404)
    ;(
      await client
        .get(`/api/v1/inbox/tasks/${head.id}`)
        .withGuard('api')
        .loginAs(await demoUser('applicant'))
    ).assertStatus(404)
    assert.equal((await detail(client, 'applicant', code)).body().data.status, 'in_review')
  })

  test('submission is validated: unknown dataset, unknown field, past validity, unknown body fields', async ({
    client,
    assert,
  }) => {
    const unknown = await submit(client, 'applicant', form(['NOPE']))
    unknown.assertStatus(422)
    assert.equal(unknown.body().error.details[0].field, 'datasets')
    ;(
      await submit(client, 'applicant', form(['T-AIR-OPEN'], { fields: ['password'] }))
    ).assertStatus(422)
    ;(
      await submit(client, 'applicant', form(['T-AIR-OPEN'], { validUntil: '2020-01-01' }))
    ).assertStatus(422)
    const mass = await submit(client, 'applicant', { ...form(['T-AIR-OPEN']), status: 'approved' })
    mass.assertStatus(422)
    assert.equal(mass.body().error.code, 'E_UNKNOWN_FIELDS')
    ;(await submit(client, 'auditadmin', form(['T-AIR-OPEN']))).assertStatus(403)
  })
})
