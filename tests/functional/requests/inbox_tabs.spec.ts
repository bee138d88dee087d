import { test } from '@japa/runner'
import clock from '#services/clock'
import { demoUser } from '#tests/helpers'
import { form, requestGroup } from './fixtures.js'
import { asUser } from './http.js'

test.group('Inbox / tabs, counts and filters', (group) => {
  requestGroup(group)

  test('待办 / 已办 / 抄送 / 我发起的 with their counts', async ({ client, assert }) => {
    const applicant = asUser(client, 'applicant')
    const head = asUser(client, 'deptreviewer')
    const first = await applicant.submit(form(['T-AIR-COND']))
    await applicant.submit(form(['T-AIR-COND'], { purpose: '第二个申请' }))
    await applicant.submit(form(['T-AIR-OPEN']))

    const todo = await head.todo()
    assert.lengthOf(todo, 2)
    assert.equal(todo[0].kind, 'task')
    assert.deepEqual(todo[0].request.datasets, ['T-AIR-COND'])
    assert.equal(todo[0].request.applicantOrg.code, 'JC-WR')
    const mine = todo.find((t) => t.requestCode === first.body().data.code)
    ;(await head.decide(mine, { action: 'approve', opinion: '同意' })).assertStatus(204)
    const other = todo.find((t) => t.id !== mine.id)
    ;(
      await head.post(`/api/v1/inbox/tasks/${other.id}/cc`, {
        userIds: [(await demoUser('catalogadmin')).id],
      })
    ).assertStatus(200)

    const done = await head.get('/api/v1/inbox/done')
    done.assertStatus(200)
    assert.lengthOf(done.body().data, 1)
    assert.equal(done.body().data[0].action, 'approve')
    assert.equal(done.body().data[0].requestCode, first.body().data.code)

    const counts = await head.get('/api/v1/inbox/counts')
    assert.deepEqual(counts.body().data, { todo: 1, overdue: 0, done: 1, cc: 0, started: 0 })
    const applicantCounts = await applicant.get('/api/v1/inbox/counts')
    assert.equal(applicantCounts.body().data.started, 3)
    const adminCounts = await asUser(client, 'catalogadmin').get('/api/v1/inbox/counts')
    assert.equal(adminCounts.body().data.cc, 1)

    const started = await applicant.get('/api/v1/inbox/started?perPage=2')
    assert.lengthOf(started.body().data, 2)
    assert.deepEqual(started.body().meta, { total: 3, perPage: 2, currentPage: 1, lastPage: 2 })
  })

  test('filters: dataset, applicant organisation, process, date range, overdue', async ({
    client,
    assert,
  }) => {
    const head = asUser(client, 'deptreviewer')
    await asUser(client, 'applicant').submit(form(['T-AIR-COND']))
    clock.travel({ days: 10 })
    await asUser(client, 'applicant').submit(
      form(['T-ENF-IMPORTANT'], { validUntil: clock.now().plus({ months: 2 }).toISODate() })
    )
    assert.lengthOf(await head.todo(), 2)
    assert.lengthOf(await head.todo('?dataset=T-ENF-IMPORTANT'), 1)
    assert.lengthOf(await head.todo('?dataset=NOPE'), 0)
    assert.lengthOf(await head.todo('?applicantOrg=JC-WR'), 2)
    assert.lengthOf(await head.todo('?applicantOrg=ENT-0004'), 0)
    assert.lengthOf(await head.todo('?processKey=quality_rectification'), 0)
    const today = clock.now().toISODate()
    assert.lengthOf(await head.todo(`?from=${today}`), 1)
    const overdue = await head.todo('?overdue=true')
    assert.lengthOf(overdue, 1, 'the first one is 10 days old: past its 3 working days')
    assert.isTrue(overdue[0].overdue)

    const bad = await head.get('/api/v1/inbox/todo?from=yesterday')
    bad.assertStatus(422)
    ;(await head.get('/api/v1/inbox/done?sort=desc')).assertStatus(422)
  })

  test('empty tabs are empty pages, not errors', async ({ client, assert }) => {
    for (const tab of ['todo', 'done', 'cc', 'started']) {
      const response = await asUser(client, 'citizen').get(`/api/v1/inbox/${tab}`)
      response.assertStatus(200)
      assert.deepEqual(response.body().data, [])
      assert.equal(response.body().meta.total, 0)
    }
  })
})

test.group('Requests / amend after return, route preview', (group) => {
  requestGroup(group)

  test('退回 → the applicant amends the form → checks run again → review restarts', async ({
    client,
    assert,
  }) => {
    const applicant = asUser(client, 'applicant')
    const head = asUser(client, 'deptreviewer')
    const submitted = await applicant.submit(form(['T-AIR-COND']))
    const code = submitted.body().data.code
    const [task] = await head.todo()
    ;(await head.decide(task, { action: 'return', opinion: '请补充用途说明' })).assertStatus(204)
    const returned = await applicant.detail(code)
    assert.equal(returned.body().data.status, 'returned')
    const version = returned.body().data.version

    const refused = await applicant.post(`/api/v1/requests/${code}/amend`, {
      ...form(['T-AIR-COND', 'T-SECRET-NO']),
      version,
    })
    refused.assertStatus(422)
    assert.equal(refused.body().error.code, 'E_DATASET_NOT_SHARED')
    ;(
      await applicant.post(`/api/v1/requests/${code}/amend`, {
        ...form(['T-AIR-COND']),
        version: 0,
      })
    ).assertStatus(409)
    ;(
      await asUser(client, 'enterprise').post(`/api/v1/requests/${code}/amend`, {
        ...form(['T-AIR-COND']),
        version,
      })
    ).assertStatus(403)

    const amended = await applicant.post(`/api/v1/requests/${code}/amend`, {
      ...form(['T-AIR-COND'], { purpose: '开展大气污染溯源分析，用于季度考核通报' }),
      version,
    })
    amended.assertStatus(200)
    assert.equal(amended.body().data.status, 'in_review')
    assert.equal(amended.body().data.form.purpose, '开展大气污染溯源分析，用于季度考核通报')
    const [again] = await head.todo()
    assert.equal(again.activityId, 'dept_review')
    assert.notEqual(again.id, task.id)
    const types = (await applicant.detail(code)).body().data.timeline.map((e: any) => e.type)
    assert.include(types, 'action_amend')
    const twice = await applicant.post(`/api/v1/requests/${code}/amend`, {
      ...form(['T-AIR-COND']),
      version: amended.body().data.version,
    })
    twice.assertStatus(409)
  })

  test('流程预测: the current step and who reviews next, by when', async ({ client, assert }) => {
    const applicant = asUser(client, 'applicant')
    const code = (await applicant.submit(form(['T-ENF-IMPORTANT']))).body().data.code
    const route = await applicant.get(`/api/v1/requests/${code}/route`)
    route.assertStatus(200)
    const steps = route.body().data.steps
    assert.deepEqual(
      steps.map((s: any) => [s.activityId, s.status]),
      [
        ['dept_review', 'current'],
        ['owner_review', 'upcoming'],
        ['security_review', 'upcoming'],
      ]
    )
    const head = (await demoUser('deptreviewer')).id
    assert.deepEqual(
      steps[0].reviewers[0].users.map((u: any) => u.id),
      [head]
    )
    assert.include(steps[1].reviewers[0].group, 'org:JC-EEB-ENF:owner_reviewer')
    assert.isTrue(steps[1].assumed)
    // Each later step is due after the earlier one, on working days.
    assert.isBelow(Date.parse(steps[0].dueBy), Date.parse(steps[1].dueBy))
    assert.isBelow(Date.parse(steps[1].dueBy), Date.parse(steps[2].dueBy))
    ;(await asUser(client, 'enterprise').get(`/api/v1/requests/${code}/route`)).assertStatus(403)

    const open = (await applicant.submit(form(['T-AIR-OPEN']))).body().data.code
    const finished = await applicant.get(`/api/v1/requests/${open}/route`)
    assert.deepEqual(finished.body().data.steps, [])
  })
})
