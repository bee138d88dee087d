import { test } from '@japa/runner'
import { isolate } from '#tests/helpers'
import { as, data, grantThroughRequest, issueKey, setupDelivery } from './fixtures.js'

/*
 * Object-level authorisation (SECURITY.md §6): user B probing user A's grant and key ids gets
 * 404, the same answer as for an id that does not exist.
 */
test.group('Delivery · IDOR matrix', (group) => {
  isolate(group)
  group.each.setup(() => setupDelivery())

  test('foreign grant and key ids answer 404 on every id-taking route', async ({
    client,
    assert,
  }) => {
    const grant = await grantThroughRequest(client, 'applicant')
    const key = await issueKey(client, [grant.id], 'applicant')
    await data(client, key.secret)
    const b = await as(client, 'enterprise')
    const routes: [string, string, object?][] = [
      ['get', `/api/v1/grants/${grant.id}`],
      ['post', `/api/v1/grants/${grant.id}/suspend`, { reason: 'x' }],
      ['post', `/api/v1/grants/${grant.id}/resume`, { reason: 'x' }],
      ['post', `/api/v1/grants/${grant.id}/revoke`, { reason: 'x' }],
      ['get', `/api/v1/api-keys/${key.id}`],
      ['post', `/api/v1/api-keys/${key.id}/rotate`],
      ['post', `/api/v1/api-keys/${key.id}/revoke`],
      ['get', `/api/v1/usage?grantId=${grant.id}`],
      ['get', `/api/v1/usage/stats?grantId=${grant.id}`],
      ['post', '/api/v1/api-keys', { name: 'x', grantIds: [grant.id] }],
      ['post', `/api/v1/grants/${grant.id}/quota`, { rowsPerDay: 10, reason: 'x' }],
      ['post', '/api/v1/exports', { grantId: grant.id, datasetCode: 'EQ-AIR-002', format: 'csv' }],
      [
        'get',
        `/api/v1/visual/EQ-AIR-002/aggregate?grantId=${grant.id}&measures=pm25&bucket=day&stats=avg`,
      ],
      ['get', `/api/v1/visual/EQ-AIR-002/geojson?grantId=${grant.id}`],
      [
        'post',
        '/api/v1/subscriptions',
        { grantId: grant.id, datasetCode: 'EQ-AIR-002', url: 'http://127.0.0.1:9/hook' },
      ],
    ]
    for (const [method, url, body] of routes) {
      const foreign = method === 'get' ? await b.get(url) : await b.post(url, body)
      assert.equal(foreign.status(), 404, `${method} ${url}`)
      const missing = url.replace(String(grant.id), '999999').replace(`/${key.id}`, '/999999')
      const missingBody = body && 'grantId' in body ? { ...body, grantId: 999999 } : body
      const absent = method === 'get' ? await b.get(missing) : await b.post(missing, missingBody)
      assert.equal(absent.status(), 404, `${method} ${missing}`)
    }
    assert.lengthOf((await b.get('/api/v1/grants')).body().data, 0)
    assert.lengthOf((await b.get('/api/v1/api-keys')).body().data, 0)
    // B's own refused visual calls are in B's trail; nothing of A's grant is.
    const trail = (await b.get('/api/v1/usage')).body().data
    assert.isTrue(trail.every((u: any) => u.grantId === null && u.result === 'denied'))
    assert.lengthOf((await b.get('/api/v1/exports')).body().data, 0)
    assert.lengthOf((await b.get('/api/v1/subscriptions')).body().data, 0)
    // Nothing changed: A's key still works.
    ;(await data(client, key.secret)).assertStatus(200)
  })

  test("B's key cannot reach A's grant", async ({ client, assert }) => {
    const grantA = await grantThroughRequest(client, 'applicant', {
      rowScope: 'district_code=420107',
    })
    const grantB = await grantThroughRequest(client, 'enterprise', {
      rowScope: 'station_code=AS001',
    })
    const keyB = await issueKey(client, [grantB.id], 'enterprise')
    const rows = (await data(client, keyB.secret)).body().data
    assert.isTrue(rows.length > 0 && rows.every((r: any) => r.station_code === 'AS001'))
    const a = await as(client, 'applicant')
    const visible = await a.get(`/api/v1/usage`)
    assert.isTrue(visible.body().data.every((u: any) => u.grantId !== grantB.id))
    assert.notEqual(grantA.id, grantB.id)
  })
})
