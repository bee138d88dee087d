import { test } from '@japa/runner'
import DataRequest from '#models/data_request'
import workflowRuntime from '#services/workflow_runtime'
import { syncOpenRequests, syncRequest } from '#services/requests/request_sync'
import { demoUser } from '#tests/helpers'
import { form, requestGroup } from '../requests/fixtures.js'

/** Requests as one demo user. */
function as(client: any, username: string) {
  const send = async (method: 'get' | 'post', url: string, body?: unknown, qs?: object) => {
    let request = client[method](url)
    if (body) request = request.json(body)
    if (qs) request = request.qs(qs)
    return request.withGuard('api').loginAs(await demoUser(username))
  }
  return {
    get: (url: string, qs?: object) => send('get', url, undefined, qs),
    post: (url: string, body?: unknown) => send('post', url, body ?? {}),
    async notifications(qs?: object) {
      const response = await send('get', '/api/v1/notifications', undefined, qs)
      response.assertStatus(200)
      return response.body().data as any[]
    },
    async unread() {
      const response = await send('get', '/api/v1/notifications/unread-count')
      response.assertStatus(200)
      return response.body().data.unread as number
    },
    async todo() {
      const response = await send('get', '/api/v1/inbox/todo')
      return response.body().data as any[]
    },
    async decide(task: any, body: Record<string, unknown>) {
      const response = await send('post', `/api/v1/inbox/tasks/${task.id}/decision`, {
        version: task.version,
        ...body,
      })
      response.assertStatus(204)
    },
  }
}

test.group('Notifications', (group) => {
  requestGroup(group)

  test('new tasks reach the reviewers, the decision reaches the applicant, once each', async ({
    client,
    assert,
  }) => {
    const applicant = as(client, 'applicant')
    const head = as(client, 'deptreviewer')
    const owner = as(client, 'ownerreviewer')
    const submitted = await applicant.post('/api/v1/requests', form(['T-AIR-COND']))
    submitted.assertStatus(201)
    const code = submitted.body().data.code

    const [taskNote] = await head.notifications()
    assert.equal(taskNote.kind, 'task_assigned')
    assert.equal(taskNote.data.requestCode, code)
    assert.equal(taskNote.data.activityId, 'dept_review')
    assert.equal(await head.unread(), 1)
    assert.lengthOf(await owner.notifications(), 0)
    assert.lengthOf(await applicant.notifications(), 0)

    // A re-run of the sync (background loop, detail reads) never doubles a message.
    const port = await workflowRuntime.port()
    await syncRequest(port, await DataRequest.findByOrFail('code', code))
    await syncOpenRequests(port)
    assert.equal(await head.unread(), 1)

    await head.decide((await head.todo())[0], { action: 'approve', opinion: '同意' })
    const [ownerNote] = await owner.notifications()
    assert.equal(ownerNote.data.activityId, 'owner_review')
    await owner.decide((await owner.todo())[0], { action: 'approve', opinion: '同意提供' })

    const mine = await applicant.notifications()
    assert.deepEqual(
      mine.map((n) => [n.kind, n.data.status]),
      [['request_decided', 'approved']]
    )
    assert.equal(mine[0].objectId, code)
    await syncOpenRequests(port)
    assert.equal(await applicant.unread(), 1)
  })

  test("a return reaches the applicant; a withdrawal or an admin's cancellation reaches those who had it", async ({
    client,
    assert,
  }) => {
    const applicant = as(client, 'applicant')
    const head = as(client, 'deptreviewer')
    const first = (await applicant.post('/api/v1/requests', form(['T-AIR-COND']))).body().data
    await head.decide((await head.todo())[0], { action: 'return', opinion: '请补充用途' })
    const [returned] = await applicant.notifications()
    assert.equal(returned.kind, 'request_returned')
    assert.equal(returned.data.requestCode, first.code)

    const second = (await applicant.post('/api/v1/requests', form(['T-AIR-COND']))).body().data
    ;(
      await applicant.post(`/api/v1/requests/${second.code}/withdraw`, { reason: '需求变更' })
    ).assertStatus(200)
    const withdrawn = (await head.notifications()).filter((n) => n.objectId === second.code)
    assert.deepEqual(
      withdrawn.map((n) => n.kind),
      ['request_withdrawn']
    )
    assert.isFalse(
      (await applicant.notifications()).some((n) => n.kind === 'request_withdrawn'),
      'the applicant withdrew it and is not told about it'
    )

    const third = (await applicant.post('/api/v1/requests', form(['T-AIR-COND']))).body().data
    ;(
      await as(client, 'processadmin').post(`/api/v1/requests/${third.code}/cancel`, {
        reason: '重复申请',
      })
    ).assertStatus(200)
    for (const user of [applicant, head]) {
      const cancelled = (await user.notifications()).filter((n) => n.objectId === third.code)
      assert.deepEqual(
        cancelled.map((n) => n.kind),
        ['request_cancelled']
      )
    }
  })

  test("read one, read all, the unread filter; nobody reads or marks another user's", async ({
    client,
    assert,
  }) => {
    const applicant = as(client, 'applicant')
    const head = as(client, 'deptreviewer')
    const owner = as(client, 'ownerreviewer')
    await applicant.post('/api/v1/requests', form(['T-AIR-COND']))
    await applicant.post('/api/v1/requests', form(['T-AIR-COND']))
    const [newest, older] = await head.notifications()
    assert.isFalse(newest.read)

    const foreign = await owner.post(`/api/v1/notifications/${newest.id}/read`)
    foreign.assertStatus(404)
    assert.equal(foreign.body().error.code, 'E_NOTIFICATION_NOT_FOUND')
    assert.isFalse((await owner.notifications()).some((n) => n.id === newest.id))
    ;(await owner.post('/api/v1/notifications/read-all')).assertStatus(200)
    assert.equal(await head.unread(), 2, "another user's read-all leaves mine alone")

    const read = await head.post(`/api/v1/notifications/${newest.id}/read`)
    read.assertStatus(200)
    assert.isTrue(read.body().data.read)
    assert.deepEqual(
      (await head.notifications({ unread: true })).map((n) => n.id),
      [older.id]
    )
    assert.deepEqual(
      (await head.notifications({ unread: false })).map((n) => n.id),
      [newest.id]
    )
    const all = await head.post('/api/v1/notifications/read-all')
    assert.equal(all.body().data.marked, 1)
    assert.equal(await head.unread(), 0)

    const paged = await head.get('/api/v1/notifications', { perPage: 1, page: 2 })
    assert.equal(paged.body().meta.total, 2)
    assert.deepEqual(
      paged.body().data.map((n: any) => n.id),
      [older.id]
    )
    ;(await head.get('/api/v1/notifications', { unread: 'maybe' })).assertStatus(422)
    ;(await head.get('/api/v1/notifications', { userId: 1 })).assertStatus(422)
    ;(await head.post('/api/v1/notifications/99999999/read')).assertStatus(404)
    ;(await client.get('/api/v1/notifications/unread-count')).assertStatus(401)
  })
})
