import { test } from '@japa/runner'
import { demoUser } from '#tests/helpers'
import { form, requestGroup } from './fixtures.js'
import { asUser } from './http.js'

test.group('Requests / what a reviewer reads', (group) => {
  requestGroup(group)

  test('the reviewer holding a step reads the request, minus the fields a node hides', async ({
    client,
    assert,
  }) => {
    const code = (await asUser(client, 'applicant').submit(form(['T-AIR-COND']))).body().data.code
    const head = await asUser(client, 'deptreviewer').detail(code)
    head.assertStatus(200)
    assert.notProperty(head.body().data.form, 'contact', 'the owner review hides the contact')
    assert.isString(head.body().data.currentTasks[0].dueAt)
    ;(await asUser(client, 'ownerreviewer').detail(code)).assertStatus(403)
    ;(await asUser(client, 'enterprise').detail(code)).assertStatus(403)
    const own = await asUser(client, 'applicant').detail(code)
    assert.equal(own.body().data.form.contact, '李申请 13871230001')

    const [task] = await asUser(client, 'deptreviewer').todo()
    ;(
      await asUser(client, 'deptreviewer').decide(task, { action: 'approve', opinion: '同意' })
    ).assertStatus(204)
    ;(await asUser(client, 'ownerreviewer').detail(code)).assertStatus(200)
    const timeline = (await asUser(client, 'applicant').detail(code)).body().data.timeline
    const decided = timeline.find((e: any) => e.type === 'task_completed')
    assert.equal(decided.actorName, (await demoUser('deptreviewer')).displayName)
  })

  test('reviewers find colleagues to hand work to; applicants cannot list people', async ({
    client,
    assert,
  }) => {
    const found = await asUser(client, 'deptreviewer').get('/api/v1/inbox/people?q=sec')
    found.assertStatus(200)
    const ids = found.body().data.map((p: any) => p.id)
    assert.include(ids, (await demoUser('secofficer')).id)
    assert.notInclude(ids, (await demoUser('secadmin')).id, 'reviewers only by default')
    const anyone = await asUser(client, 'deptreviewer').get(
      '/api/v1/inbox/people?q=sec&reviewers=false'
    )
    assert.include(
      anyone.body().data.map((p: any) => p.id),
      (await demoUser('secadmin')).id
    )
    assert.properties(found.body().data[0], ['id', 'name', 'organisation'])
    assert.notProperty(found.body().data[0], 'email')
    ;(await asUser(client, 'applicant').get('/api/v1/inbox/people')).assertStatus(403)
  })
})
