import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { auditRows } from '#tests/helpers'
import { HIDDEN } from '#tests/functional/public_data/fixtures'
import { as, grantThroughRequest } from './fixtures.js'
import {
  arrive,
  deliveriesOf,
  dispatch,
  subscriptionSpec,
  subscribableGrant,
  subscribe,
  verifySignature,
} from './subscription_fixtures.js'

const SUBSCRIBED = ['station_code', 'observed_at', 'pm25']
const keyOf = (r: any) => `${r.station_code}@${r.observed_at.slice(11, 13)}`

test.group('Delivery · subscriptions (webhooks)', (group) => {
  const current = subscriptionSpec(group)

  test('new in-scope rows are pushed once, signed, with granted fields only', async ({
    client,
    assert,
  }) => {
    const receiver = current()
    const grant = await subscribableGrant(client, 'applicant', {
      rowScope: 'station_code=AS001,AS002',
    })
    const created = await subscribe(client, {
      grantId: grant.id,
      datasetCode: 'eq-air-002',
      url: receiver.url,
      fields: SUBSCRIBED,
    })
    created.assertStatus(201)
    assert.equal(created.header('cache-control'), 'no-store')
    const { id, secret, status } = created.body().data
    assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/)
    assert.equal(status, 'active')
    const stored = await db.from('subscriptions').where('id', id).firstOrFail()
    assert.notInclude(JSON.stringify(stored), secret)
    assert.notInclude(JSON.stringify(await auditRows('subscription.create')), secret)
    assert.notProperty(
      (await (await as(client, 'applicant')).get(`/api/v1/subscriptions/${id}`)).body().data,
      'secret'
    )

    // Rows present at registration are not "new": nothing to send.
    assert.equal(await dispatch(), 0)
    assert.lengthOf(receiver.received, 0)

    await arrive([
      { station: 'AS001', hour: 4 },
      { station: 'AS002', hour: 4, labels: HIDDEN[0] },
      { station: 'AS003', hour: 4 },
      { station: 'AS001', hour: 5, labels: HIDDEN[2] },
      { station: 'AS002', hour: 5 },
    ])
    assert.equal(await dispatch(), 1)
    assert.lengthOf(receiver.received, 1)
    const [first] = receiver.received
    // AS003 is outside the row scope; AS001@05 is labelled sensitive, beyond a general grant.
    assert.deepEqual(first.json.records.map(keyOf), ['AS001@04', 'AS002@04', 'AS002@05'])
    for (const record of first.json.records) assert.deepEqual(Object.keys(record), SUBSCRIBED)
    assert.equal(first.json.records[0].observed_at, '2026-01-01T04:00:00Z')
    assert.equal(first.json.records[0].pm25, 54)
    assert.include(first.json, { subscription: id, dataset: 'EQ-AIR-002', grant: grant.code })
    assert.equal(first.headers['x-ecoshare-delivery'], first.json.deliveryId)
    assert.match(String(first.headers['x-ecoshare-signature']), /^t=\d+,v1=[0-9a-f]{64}$/)
    assert.isTrue(
      verifySignature(secret, first.headers['x-ecoshare-signature'] as string, first.body)
    )
    assert.isFalse(
      verifySignature(
        `${secret.slice(0, -1)}x`,
        first.headers['x-ecoshare-signature'] as string,
        first.body
      )
    )
    assert.isFalse(
      verifySignature(secret, first.headers['x-ecoshare-signature'] as string, `${first.body} `)
    )

    // Nothing new: nothing sent again. A later row: only that row, under a new delivery id.
    assert.equal(await dispatch(), 0)
    await arrive([{ station: 'AS001', hour: 6 }])
    assert.equal(await dispatch(), 1)
    assert.lengthOf(receiver.received, 2)
    assert.deepEqual(receiver.received[1].json.records.map(keyOf), ['AS001@06'])
    assert.notEqual(receiver.received[1].json.deliveryId, first.json.deliveryId)
    assert.equal(await dispatch(), 0)

    const log = await deliveriesOf(id)
    assert.deepEqual(
      log.map((row) => [
        row.result,
        Number(row.status_code),
        Number(row.rows),
        Number(row.attempt),
      ]),
      [
        ['success', 200, 3, 1],
        ['success', 200, 1, 1],
      ]
    )
    const usage = await db.from('data_usage').where('mode', 'subscription').orderBy('id')
    assert.deepEqual(
      usage.map((u) => Number(u.rows)),
      [3, 1]
    )
    assert.equal(Number(usage[0].bytes), Buffer.byteLength(first.body))
    assert.equal(usage[0].grant_id, grant.id)
    assert.equal(usage[0].result, 'success')

    const shown = await (await as(client, 'applicant')).get(`/api/v1/subscriptions/${id}`)
    assert.equal(shown.body().data.lastStatusCode, 200)
    assert.isNotNull(shown.body().data.lastSuccessAt)
    const drawer = await (
      await as(client, 'applicant')
    ).get(`/api/v1/subscriptions/${id}/deliveries`)
    drawer.assertStatus(200)
    assert.deepEqual(
      drawer.body().data.map((d: any) => d.rows),
      [1, 3]
    )
  })

  test('batches of at most 500 rows, each acknowledged before the next', async ({
    client,
    assert,
  }) => {
    const receiver = current()
    const grant = await subscribableGrant(client)
    const { id } = (await subscribe(client, { grantId: grant.id, url: receiver.url })).body().data
    const rows = []
    for (let i = 0; i < 1200; i++) rows.push({ station: `S${String(i).padStart(4, '0')}`, hour: 7 })
    await arrive(rows)
    assert.equal(await dispatch(), 3)
    assert.deepEqual(
      receiver.received.map((r) => r.json.records.length),
      [500, 500, 200]
    )
    assert.equal(new Set(receiver.records().map((r: any) => r.station_code)).size, 1200)
    assert.equal(await dispatch(), 0)
    assert.lengthOf(await deliveriesOf(id), 3)
  })

  test('filters narrow the push; fields outside the grant are refused by name', async ({
    client,
    assert,
  }) => {
    const receiver = current()
    const grant = await subscribableGrant(client)
    const denied = await subscribe(client, {
      grantId: grant.id,
      url: receiver.url,
      fields: ['station_code', 'so2'],
    })
    denied.assertStatus(403)
    assert.equal(denied.body().error.code, 'E_FIELDS_NOT_GRANTED')
    const filteredOutside = await subscribe(client, {
      grantId: grant.id,
      url: receiver.url,
      filters: { aqi: { gte: '10' } },
    })
    filteredOutside.assertStatus(403)
    for (const filters of [{ nope: '1' }, { pm25: { gte: 'abc' } }, { limit: '5' }]) {
      const bad = await subscribe(client, {
        grantId: grant.id,
        url: receiver.url,
        filters,
      })
      assert.equal(bad.status(), 422, JSON.stringify(filters))
    }
    const ok = await subscribe(client, {
      grantId: grant.id,
      url: receiver.url,
      filters: { station_code: 'AS002', pm25: { gte: '55' } },
    })
    ok.assertStatus(201)
    await arrive([
      { station: 'AS002', hour: 4 },
      { station: 'AS002', hour: 6 },
      { station: 'AS001', hour: 7 },
    ])
    await dispatch()
    assert.deepEqual(receiver.records().map(keyOf), ['AS002@06'])
  })

  test('a grant without the subscription mode, or without the dataset, cannot subscribe', async ({
    client,
    assert,
  }) => {
    const apiOnly = await grantThroughRequest(client)
    const noMode = await subscribe(client, {
      grantId: apiOnly.id,
      url: 'https://example.com/hook',
    })
    noMode.assertStatus(403)
    assert.equal(noMode.body().error.code, 'E_MODE_NOT_GRANTED')
    const grant = await subscribableGrant(client)
    const otherDataset = await subscribe(client, {
      grantId: grant.id,
      datasetCode: 'EQ-AIR-001',
      url: 'https://example.com/hook',
    })
    otherDataset.assertStatus(403)
    assert.equal(otherDataset.body().error.code, 'E_DATASET_NOT_GRANTED')
    const massAssigned = await subscribe(client, {
      grantId: grant.id,
      url: 'https://example.com/hook',
      status: 'active',
      userId: 1,
    })
    massAssigned.assertStatus(422)
  })
})
