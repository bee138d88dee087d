import { test } from '@japa/runner'
import { targetSettings } from '#services/subscriptions/webhook_target'
import { asUser, subscriptionSpec, subscribableGrant, subscribe } from './subscription_fixtures.js'

test.group('Delivery · subscriptions: SSRF and IDOR', (group) => {
  const current = subscriptionSpec(group)

  test('webhook URLs to private, metadata or credentialed targets are refused (422)', async ({
    client,
    assert,
  }) => {
    const grant = await subscribableGrant(client)
    const refused: [string, string][] = [
      // A public address over plain http (an IP, so the test needs no DNS).
      ['http://93.184.215.14/hook', 'E_WEBHOOK_URL_HTTPS'],
      ['ftp://93.184.215.14/hook', 'E_WEBHOOK_URL_HTTPS'],
      ['not a url', 'E_WEBHOOK_URL_URL'],
      ['https://user:pw@example.com/hook', 'E_WEBHOOK_URL_CREDENTIALS'],
      ['https://169.254.169.254/latest/meta-data', 'E_WEBHOOK_URL_PRIVATEADDRESS'],
      ['https://10.1.2.3/hook', 'E_WEBHOOK_URL_PRIVATEADDRESS'],
      ['https://192.168.0.10/hook', 'E_WEBHOOK_URL_PRIVATEADDRESS'],
      ['https://172.20.0.1/hook', 'E_WEBHOOK_URL_PRIVATEADDRESS'],
      ['https://100.100.100.200/hook', 'E_WEBHOOK_URL_PRIVATEADDRESS'],
      ['https://[fd00:ec2::254]/hook', 'E_WEBHOOK_URL_PRIVATEADDRESS'],
      ['https://[::ffff:10.0.0.1]/hook', 'E_WEBHOOK_URL_PRIVATEADDRESS'],
      ['https://0.0.0.0/hook', 'E_WEBHOOK_URL_PRIVATEADDRESS'],
      ['https://no-such-host.invalid/hook', 'E_WEBHOOK_URL_UNRESOLVABLE'],
    ]
    for (const [url, code] of refused) {
      const response = await subscribe(client, {
        grantId: grant.id,
        url,
      })
      assert.equal(response.status(), 422, url)
      assert.equal(response.body().error.code, code, url)
      assert.deepEqual(response.body().error.details[0].field, 'url')
    }
    // As in production: loopback refused, by address and by a name that resolves to it.
    targetSettings.allowLoopback = false
    for (const url of [
      'https://127.0.0.1:9/hook',
      'https://localhost:9/hook',
      'https://[::1]/hook',
    ]) {
      const response = await subscribe(client, {
        grantId: grant.id,
        url,
      })
      assert.equal(response.body().error?.code, 'E_WEBHOOK_URL_PRIVATEADDRESS', url)
    }
    // An operator's allow-list opens one private network, over https only.
    targetSettings.allowedNetworks = ['10.1.2.0/24']
    const allowed = await subscribe(client, {
      grantId: grant.id,
      url: 'https://10.1.2.3/hook',
    })
    allowed.assertStatus(201)
    const plain = await subscribe(client, {
      grantId: grant.id,
      url: 'http://10.1.2.3/hook',
    })
    assert.equal(plain.body().error.code, 'E_WEBHOOK_URL_HTTPS')
  })

  test("another user's subscription ids answer 404 on every id-taking route", async ({
    client,
    assert,
  }) => {
    const receiver = current()
    const grant = await subscribableGrant(client, 'applicant')
    const { id } = (await subscribe(client, { grantId: grant.id, url: receiver.url })).body().data
    const b = await asUser(client, 'enterprise')
    const routes: [string, string][] = [
      ['get', `/api/v1/subscriptions/${id}`],
      ['get', `/api/v1/subscriptions/${id}/deliveries`],
      ['post', `/api/v1/subscriptions/${id}/pause`],
      ['post', `/api/v1/subscriptions/${id}/resume`],
      ['post', `/api/v1/subscriptions/${id}/rotate`],
      ['delete', `/api/v1/subscriptions/${id}`],
    ]
    const call = (method: string, url: string) =>
      method === 'get' ? b.get(url) : method === 'post' ? b.post(url) : b.delete(url)
    for (const [method, url] of routes) {
      assert.equal((await call(method, url)).status(), 404, `${method} ${url}`)
      const missing = url.replace(`/${id}`, '/999999')
      assert.equal((await call(method, missing)).status(), 404, `${method} ${missing}`)
    }
    // B cannot subscribe through A's grant either: same answer as a missing grant.
    const foreignGrant = await subscribe(
      client,
      { grantId: grant.id, url: receiver.url },
      'enterprise'
    )
    foreignGrant.assertStatus(404)
    assert.lengthOf((await b.get('/api/v1/subscriptions')).body().data, 0)
    const a = await asUser(client, 'applicant')
    const mine = await a.get(`/api/v1/subscriptions/${id}`)
    assert.equal(mine.body().data.status, 'active')
    const rotated = await a.post(`/api/v1/subscriptions/${id}/rotate`)
    rotated.assertStatus(200)
    assert.match(rotated.body().data.secret, /^whsec_/)
    const removed = await a.delete(`/api/v1/subscriptions/${id}`)
    removed.assertStatus(204)
    ;(await a.get(`/api/v1/subscriptions/${id}`)).assertStatus(404)
    assert.lengthOf((await a.get('/api/v1/subscriptions')).body().data, 0)
  })
})
