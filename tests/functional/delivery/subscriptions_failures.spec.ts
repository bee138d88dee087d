import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock'
import { demoUser } from '#tests/helpers'
import { targetSettings } from '#services/subscriptions/webhook_target'
import { backoffSeconds } from '#services/subscriptions/dispatcher'
import { as } from './fixtures.js'
import {
  arrive,
  deliveriesOf,
  dispatch,
  subscriptionSpec,
  subscribableGrant,
  subscribe,
} from './subscription_fixtures.js'

/** Registers a subscription to a fresh receiver and lets one new row arrive. */
async function subscribedWithNews(client: any, url: string) {
  const grant = await subscribableGrant(client)
  const created = await subscribe(client, {
    grantId: grant.id,
    url,
  })
  created.assertStatus(201)
  await arrive([{ station: 'AS001', hour: 4 }])
  return { grant, id: created.body().data.id as number }
}

test.group('Delivery · subscriptions: failures, pause and grant status', (group) => {
  const current = subscriptionSpec(group)

  test('a failing receiver is retried with back-off, paused after 5, resumed, delivered once', async ({
    client,
    assert,
  }) => {
    const receiver = current()
    const { id } = await subscribedWithNews(client, receiver.url)
    receiver.state.status = 500
    assert.equal(await dispatch(), 1)
    // Inside the back-off window nothing is sent, however often the dispatcher runs.
    assert.equal(await dispatch(), 0)
    clock.travel({ seconds: backoffSeconds(1) - 5 })
    assert.equal(await dispatch(), 0)
    for (let failures = 1; failures < 5; failures++) {
      clock.travel({ seconds: backoffSeconds(failures) + 1 })
      assert.equal(await dispatch(), 1, `attempt ${failures + 1}`)
    }
    assert.deepEqual(
      [30, 60, 120, 240].map((_, i) => backoffSeconds(i + 1)),
      [30, 60, 120, 240]
    )
    const api = await as(client, 'applicant')
    const paused = (await api.get(`/api/v1/subscriptions/${id}`)).body().data
    assert.equal(paused.status, 'paused')
    assert.equal(paused.consecutiveFailures, 5)
    assert.match(paused.statusReason, /5 consecutive failed deliveries; last: HTTP 500/)
    clock.travel({ hours: 2 })
    assert.equal(await dispatch(), 0)

    const log = await deliveriesOf(id)
    assert.deepEqual(
      log.map((row) => Number(row.attempt)),
      [1, 2, 3, 4, 5]
    )
    assert.isTrue(log.every((row) => row.result === 'failed' && Number(row.status_code) === 500))
    assert.lengthOf(new Set(log.map((row) => row.delivery_id)), 1)
    assert.lengthOf(receiver.received, 5)
    const owner = await demoUser('applicant')
    const notices = await db.from('notifications').where('kind', 'subscription_paused')
    assert.lengthOf(notices, 1)
    assert.equal(notices[0].user_id, owner.id)
    assert.equal(notices[0].object_id, String(id))
    // Failed pushes are in the delivery log, not in the usage trail: nothing was received.
    assert.lengthOf(await db.from('data_usage').where('mode', 'subscription'), 0)

    receiver.state.status = 204
    const resumed = await api.post(`/api/v1/subscriptions/${id}/resume`)
    resumed.assertStatus(200)
    assert.equal(resumed.body().data.status, 'active')
    assert.equal(await dispatch(), 1)
    assert.equal(await dispatch(), 0)
    const ids = new Set(receiver.received.map((r) => r.json.deliveryId))
    assert.equal(ids.size, 1, 'every retry carries the same delivery id')
    assert.lengthOf(receiver.received, 6)
    const usage = await db.from('data_usage').where('mode', 'subscription')
    assert.deepEqual(
      usage.map((u) => [Number(u.rows), Number(u.status)]),
      [[1, 204]]
    )
    const last = await deliveriesOf(id)
    assert.deepEqual([last.at(-1).attempt, last.at(-1).result], [6, 'success'])
  })

  test('owner pause stops deliveries; resume picks up what arrived meanwhile', async ({
    client,
    assert,
  }) => {
    const receiver = current()
    const { id } = await subscribedWithNews(client, receiver.url)
    const api = await as(client, 'applicant')
    const paused = await api.post(`/api/v1/subscriptions/${id}/pause`)
    assert.equal(paused.body().data.status, 'paused')
    assert.equal(await dispatch(), 0)
    await arrive([{ station: 'AS002', hour: 4 }])
    ;(await api.post(`/api/v1/subscriptions/${id}/resume`)).assertStatus(200)
    assert.equal(await dispatch(), 1)
    assert.deepEqual(
      receiver.records().map((r: any) => r.station_code),
      ['AS001', 'AS002']
    )
  })

  test('suspended, revoked or expired grants send nothing, checked on every pass', async ({
    client,
    assert,
  }) => {
    const receiver = current()
    const { grant, id } = await subscribedWithNews(client, receiver.url)
    const owner = await as(client, 'ownerreviewer')
    const officer = await as(client, 'secofficer')
    ;(await owner.post(`/api/v1/grants/${grant.id}/suspend`, { reason: '核查' })).assertStatus(200)
    assert.equal(await dispatch(), 0)
    ;(await officer.post(`/api/v1/grants/${grant.id}/resume`, { reason: '完毕' })).assertStatus(200)
    assert.equal(await dispatch(), 1)
    assert.lengthOf(receiver.received, 1)

    await arrive([{ station: 'AS002', hour: 5 }])
    // Past the grant's end, before any expiry timer has run: still nothing.
    clock.travel({ days: 40 })
    assert.equal(await dispatch(), 0)
    clock.reset()
    ;(await officer.post(`/api/v1/grants/${grant.id}/revoke`, { reason: '用途变更' })).assertStatus(
      200
    )
    assert.equal(await dispatch(), 0)
    assert.lengthOf(receiver.received, 1)
    const resume = await (await as(client, 'applicant')).post(`/api/v1/subscriptions/${id}/resume`)
    // Still active (never paused): resume is a no-op, and a revoked grant keeps it silent.
    resume.assertStatus(200)
    assert.equal(await dispatch(), 0)
  })

  test('the address is checked again at send time (a name re-pointed to loopback)', async ({
    client,
    assert,
  }) => {
    const receiver = current()
    const grant = await subscribableGrant(client)
    const url = receiver.url.replace('127.0.0.1', 'localhost')
    const { id } = (await subscribe(client, { grantId: grant.id, url })).body().data
    await arrive([{ station: 'AS001', hour: 4 }])
    targetSettings.allowLoopback = false
    assert.equal(await dispatch(), 1)
    assert.lengthOf(receiver.received, 0)
    const [attempt] = await deliveriesOf(id)
    assert.equal(attempt.result, 'failed')
    assert.isNull(attempt.status_code)
    assert.match(attempt.error, /refused address/)
  })
})
