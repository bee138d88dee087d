import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock'
import ExpireGrant from '#actions/delivery/expire_grant'
import { auditRows, isolate } from '#tests/helpers'
import { as, data, grantThroughRequest, issueKey, setupDelivery } from './fixtures.js'

async function usageRows() {
  return db.from('data_usage').orderBy('id')
}

test.group('Delivery · keys, grant states, quotas and the usage trail', (group) => {
  isolate(group)
  group.each.setup(() => setupDelivery())

  test('a key in the query string is refused and never stored', async ({ client, assert }) => {
    const { secret } = await issueKey(client, [(await grantThroughRequest(client)).id])
    for (const query of [`api_key=${secret}`, `key=${secret}`, `station_code=${secret}`]) {
      const response = await data(client, secret, query)
      response.assertStatus(400)
      assert.equal(response.body().error.code, 'E_API_KEY_IN_QUERY')
      assert.include(response.body().error.message, 'X-API-Key')
    }
    const english = await data(client, null, `api_key=${secret}`).header('Accept-Language', 'en')
    assert.include(english.body().error.message, 'query string')
    const missing = await data(client, null)
    missing.assertStatus(401)
    assert.equal(missing.body().error.code, 'E_API_KEY_MISSING')
    const wrong = await data(client, 'eco_live_' + 'A'.repeat(43))
    assert.equal(wrong.body().error.code, 'E_API_KEY_INVALID')

    const rows = await usageRows()
    assert.lengthOf(rows, 6)
    assert.notInclude(JSON.stringify(rows), secret)
    assert.deepEqual(
      rows.map((r: any) => Number(r.status)),
      [400, 400, 400, 400, 401, 401]
    )
    const audit = await db.from('audit_events').select('details')
    assert.notInclude(JSON.stringify(audit), secret)
  })

  test('rotation replaces the secret at once; revocation stops the key', async ({
    client,
    assert,
  }) => {
    const issued = await issueKey(client, [(await grantThroughRequest(client)).id])
    const api = await as(client, 'applicant')
    const rotated = await api.post(`/api/v1/api-keys/${issued.id}/rotate`)
    rotated.assertStatus(200)
    const fresh = rotated.body().data.secret
    assert.notEqual(fresh, issued.secret)
    ;(await data(client, issued.secret)).assertStatus(401)
    ;(await data(client, fresh)).assertStatus(200)
    const listed = await api.get('/api/v1/api-keys')
    assert.notProperty(listed.body().data[0], 'secret')
    assert.notProperty(listed.body().data[0], 'keyHash')

    ;(await api.post(`/api/v1/api-keys/${issued.id}/revoke`)).assertStatus(200)
    ;(await data(client, fresh)).assertStatus(401)
    ;(await api.post(`/api/v1/api-keys/${issued.id}/rotate`)).assertStatus(409)
    assert.lengthOf(await auditRows('api_key.rotate'), 1)
    assert.lengthOf(await auditRows('api_key.revoke'), 1)
  })

  test('keys expire on the clock', async ({ client, assert }) => {
    const grant = await grantThroughRequest(client, 'applicant', {
      validUntil: clock.now().plus({ days: 300 }).toISODate(),
    })
    const api = await as(client, 'applicant')
    const issued = await api.post('/api/v1/api-keys', {
      name: 'k',
      grantIds: [grant.id],
      expiresInDays: 7,
    })
    const secret = issued.body().data.secret
    ;(await data(client, secret)).assertStatus(200)
    clock.travel({ days: 8 })
    const late = await data(client, secret)
    late.assertStatus(401)
    assert.equal(late.body().error.code, 'E_API_KEY_INVALID')
  })

  test('grant expiry is checked per call, before the timer runs', async ({ client, assert }) => {
    const grant = await grantThroughRequest(client)
    const { secret } = await issueKey(client, [grant.id])
    ;(await data(client, secret)).assertStatus(200)
    clock.travel({ days: 32 })
    const expired = await data(client, secret)
    expired.assertStatus(403)
    assert.equal(expired.body().error.code, 'E_GRANT_EXPIRED')
    const detail = await (await as(client, 'applicant')).get(`/api/v1/grants/${grant.id}`)
    assert.equal(detail.body().data.status, 'expired')

    // The timer's topic then records it; a second delivery changes nothing.
    await new ExpireGrant().handle(grant.code)
    await new ExpireGrant().handle(grant.code)
    const row = await db.from('grants').where('id', grant.id).firstOrFail()
    assert.equal(row.status, 'expired')
    assert.lengthOf(await auditRows('grant.expire'), 1)
  })

  test('owners and the security officer suspend, resume and revoke; effective on the next call', async ({
    client,
    assert,
  }) => {
    const grant = await grantThroughRequest(client)
    const { secret } = await issueKey(client, [grant.id])
    const owner = await as(client, 'ownerreviewer')
    const officer = await as(client, 'secofficer')
    const applicant = await as(client, 'applicant')

    ;(
      await applicant.post(`/api/v1/grants/${grant.id}/revoke`, { reason: '自行撤销' })
    ).assertStatus(403)
    ;(await owner.post(`/api/v1/grants/${grant.id}/suspend`, {})).assertStatus(422)
    const suspended = await owner.post(`/api/v1/grants/${grant.id}/suspend`, {
      reason: '数据核查中',
    })
    suspended.assertStatus(200)
    assert.equal(suspended.body().data.status, 'suspended')
    assert.equal((await data(client, secret)).body().error.code, 'E_GRANT_SUSPENDED')
    ;(await owner.post(`/api/v1/grants/${grant.id}/suspend`, { reason: 'again' })).assertStatus(409)

    ;(await officer.post(`/api/v1/grants/${grant.id}/resume`, { reason: '核查完毕' })).assertStatus(
      200
    )
    ;(await data(client, secret)).assertStatus(200)

    const owned = await owner.get('/api/v1/grants?view=owned')
    const row = owned.body().data.find((g: any) => g.id === grant.id)
    assert.exists(row)
    // The owner acts on another organisation's grant and is told whose it is.
    const holder = await db.from('organisations').where('id', grant.applicantOrgId).firstOrFail()
    assert.equal(row.applicantOrgName, holder.name)
    assert.equal(suspended.body().data.applicantOrgName, holder.name)
    ;(await applicant.get('/api/v1/grants?view=owned')).assertStatus(403)

    ;(await officer.post(`/api/v1/grants/${grant.id}/revoke`, { reason: '用途变更' })).assertStatus(
      200
    )
    const revoked = await data(client, secret)
    revoked.assertStatus(403)
    assert.equal(revoked.body().error.code, 'E_GRANT_REVOKED')
    ;(await owner.post(`/api/v1/grants/${grant.id}/resume`, { reason: 'x' })).assertStatus(409)

    const audit = await db
      .from('audit_events')
      .whereIn('action', ['grant.suspend', 'grant.resume', 'grant.revoke'])
      .orderBy('seq')
    assert.deepEqual(
      audit.map((a: any) => a.action),
      ['grant.suspend', 'grant.resume', 'grant.revoke']
    )
    assert.deepEqual(
      audit.map((a: any) => a.actor_username),
      ['ownerreviewer', 'secofficer', 'secofficer']
    )
  })

  test('calls per minute: the third call in a minute is 429 with Retry-After', async ({
    client,
    assert,
  }) => {
    const grant = await grantThroughRequest(client)
    await db.from('grants').where('id', grant.id).update({ calls_per_minute: 2 })
    const { secret } = await issueKey(client, [grant.id])
    ;(await data(client, secret)).assertStatus(200)
    ;(await data(client, secret)).assertStatus(200)
    const limited = await data(client, secret)
    limited.assertStatus(429)
    assert.equal(limited.body().error.code, 'E_TOO_MANY_REQUESTS')
    assert.isAbove(Number(limited.header('retry-after')), 0)
  })

  test('rows per day: the last call is cut to the quota, the next is 429 until tomorrow', async ({
    client,
    assert,
  }) => {
    const grant = await grantThroughRequest(client)
    await db.from('grants').where('id', grant.id).update({ rows_per_day: 5 })
    const { secret } = await issueKey(client, [grant.id])
    const first = await data(client, secret, 'limit=3')
    assert.lengthOf(first.body().data, 3)
    const cut = await data(client, secret, 'limit=10')
    assert.lengthOf(cut.body().data, 2)
    assert.isNotNull(cut.body().meta.nextCursor)
    const over = await data(client, secret)
    over.assertStatus(429)
    assert.equal(over.body().error.code, 'E_QUOTA_EXCEEDED')
    const retryAfter = Number(over.header('retry-after'))
    assert.isTrue(retryAfter > 0 && retryAfter <= 86_400)
  })

  test('every call leaves a usage row; readers see their slice; statistics add up', async ({
    client,
    assert,
  }) => {
    const grant = await grantThroughRequest(client)
    const { secret, id: keyId } = await issueKey(client, [grant.id])
    await data(client, secret, 'limit=4')
    await data(client, secret, 'format=csv&station_code=AS001')
    await data(client, secret, 'fields=so2')
    await data(client, secret, 'pm25[gte]=x')

    const applicant = await as(client, 'applicant')
    const mine = await applicant.get(`/api/v1/usage?grantId=${grant.id}`)
    mine.assertStatus(200)
    const rows = mine.body().data
    assert.lengthOf(rows, 4)
    assert.deepEqual(
      rows.map((r: any) => r.status),
      [422, 403, 200, 200]
    )
    assert.deepEqual(
      rows.map((r: any) => r.rows),
      [0, 0, 4, 4]
    )
    const success = rows[3]
    assert.equal(success.apiKeyId, keyId)
    assert.equal(success.datasetCode, 'EQ-AIR-002')
    assert.equal(success.purpose, '开展大气污染溯源分析')
    assert.deepEqual(success.filter, { limit: '4' })
    assert.isAbove(success.bytes, 100)
    assert.equal(rows[2].format, 'csv')
    assert.equal(rows[1].errorCode, 'E_FIELDS_NOT_GRANTED')

    const owner = await as(client, 'ownerreviewer')
    assert.lengthOf((await owner.get('/api/v1/usage')).body().data, 4)
    const auditor = await as(client, 'auditadmin')
    assert.lengthOf((await auditor.get('/api/v1/usage')).body().data, 4)
    const citizen = await as(client, 'citizen')
    assert.lengthOf((await citizen.get('/api/v1/usage')).body().data, 0)

    const stats = await applicant.get('/api/v1/usage/stats?period=day&by=dataset')
    stats.assertStatus(200)
    assert.lengthOf(stats.body().data, 1)
    assert.equal(stats.body().data[0].records, 8)
    assert.equal(stats.body().data[0].calls, 2)
    assert.equal(stats.body().data[0].dataset, 'EQ-AIR-002')
    assert.equal(stats.body().data[0].period, clock.now().setZone('Asia/Shanghai').toISODate())
    // Consumers by name, for overseers reading the trail and the breakdown.
    const holder = await db.from('organisations').where('id', grant.applicantOrgId).firstOrFail()
    assert.equal(success.organisationName, holder.name)
    const consumers = await auditor.get('/api/v1/usage/stats?period=month&by=consumer')
    assert.equal(consumers.body().data[0].consumer, String(grant.applicantOrgId))
    assert.equal(consumers.body().data[0].consumerName, holder.name)
    const yearly = await auditor.get('/api/v1/usage/stats?period=year&by=mode')
    assert.deepEqual(yearly.body().data[0].mode, 'api')
    ;(await applicant.get('/api/v1/usage/stats?period=week')).assertStatus(422)
  })
})
