import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { auditRows, isolate } from '#tests/helpers'
import { as, data, grantThroughRequest, issueKey, setupDelivery } from './fixtures.js'

test.group('Delivery · quota changes by owners', (group) => {
  isolate(group)
  group.each.setup(() => setupDelivery())

  test('an owner narrows calls per minute; the next calls are measured against it', async ({
    client,
    assert,
  }) => {
    const grant = await grantThroughRequest(client)
    const { secret } = await issueKey(client, [grant.id])
    const owner = await as(client, 'ownerreviewer')
    const changed = await owner.post(`/api/v1/grants/${grant.id}/quota`, {
      callsPerMinute: 1,
      reason: '调用过于频繁',
    })
    changed.assertStatus(200)
    assert.deepEqual(changed.body().data.quota, {
      rowsPerDay: grant.quota.rowsPerDay,
      callsPerMinute: 1,
    })
    assert.equal(changed.body().data.version, grant.version + 1)
    ;(await data(client, secret)).assertStatus(200)
    ;(await data(client, secret)).assertStatus(429)
    const audit = await auditRows('grant.quota')
    assert.lengthOf(audit, 1)
  })

  test('only owners and the security officer, within the platform limits', async ({
    client,
    assert,
  }) => {
    const grant = await grantThroughRequest(client)
    const applicant = await as(client, 'applicant')
    ;(
      await applicant.post(`/api/v1/grants/${grant.id}/quota`, { rowsPerDay: 10, reason: 'x' })
    ).assertStatus(403)
    const officer = await as(client, 'secofficer')
    const tooMuch = await officer.post(`/api/v1/grants/${grant.id}/quota`, {
      rowsPerDay: grant.quota.rowsPerDay + 1,
      reason: '扩容',
    })
    tooMuch.assertStatus(422)
    assert.equal(tooMuch.body().error.details[0].field, 'rowsPerDay')
    for (const body of [
      { reason: '无变化' },
      { callsPerMinute: 0, reason: 'x' },
      { callsPerMinute: 5 },
      { callsPerMinute: 5, reason: 'x', status: 'active' },
    ])
      (await officer.post(`/api/v1/grants/${grant.id}/quota`, body)).assertStatus(422)
    const stranger = await as(client, 'citizen')
    ;(
      await stranger.post(`/api/v1/grants/${grant.id}/quota`, { rowsPerDay: 10, reason: 'x' })
    ).assertStatus(404)
    const row = await db.from('grants').where('id', grant.id).first()
    assert.equal(Number(row.rows_per_day), grant.quota.rowsPerDay)
  })

  test('a revoked grant keeps its quota', async ({ client }) => {
    const grant = await grantThroughRequest(client)
    const officer = await as(client, 'secofficer')
    ;(await officer.post(`/api/v1/grants/${grant.id}/revoke`, { reason: '违规' })).assertStatus(200)
    ;(
      await officer.post(`/api/v1/grants/${grant.id}/quota`, { rowsPerDay: 10, reason: 'x' })
    ).assertStatus(409)
  })
})
