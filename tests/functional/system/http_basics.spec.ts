import { test } from '@japa/runner'
import env from '#start/env'
import { demoUser, isolate } from '#tests/helpers'

test.group('HTTP basics', (group) => {
  isolate(group)

  test('health reports the database it really reached', async ({ client, assert }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    assert.equal(response.body().status, 'ok')
    assert.oneOf(response.body().db, ['sqlite', 'mysql'])
    // the suite also runs with WORKFLOW_ENGINE=operaton (.ci/run)
    assert.equal(response.body().engine, env.get('WORKFLOW_ENGINE') ?? 'embedded')
  })

  test('security headers are set', async ({ client, assert }) => {
    const response = await client.get('/health')
    assert.equal(response.header('x-content-type-options'), 'nosniff')
    assert.equal(response.header('x-frame-options'), 'SAMEORIGIN')
    assert.include(response.header('content-security-policy'), "default-src 'self'")
  })

  test('anonymous reads get no CSRF secret (no session write); the token endpoint issues one', async ({
    assert,
  }) => {
    // Raw fetch without cookies, like a public API client.
    const base = `http://${process.env.HOST}:${process.env.PORT}`
    const health = await fetch(`${base}/health`)
    assert.notInclude(health.headers.getSetCookie().join(';'), 'XSRF-TOKEN')
    assert.include(health.headers.get('content-security-policy') ?? '', "default-src 'self'")
    const csrf = await fetch(`${base}/api/v1/auth/csrf`)
    assert.equal(csrf.status, 204)
    assert.include(csrf.headers.getSetCookie().join(';'), 'XSRF-TOKEN=')
  })

  test('malformed JSON is a 400 with a JSON error, never a stack trace', async ({ assert }) => {
    // Raw fetch: the test client would re-encode a string body.
    const response = await fetch(
      `http://${process.env.HOST}:${process.env.PORT}/api/v1/auth/login`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"username": "x",',
      }
    )
    assert.equal(response.status, 400)
    const text = await response.text()
    assert.equal(JSON.parse(text).error.code, 'E_BAD_JSON')
    assert.notInclude(text, 'at ')
  })

  test('an oversize body is a 413', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/auth/login')
      .json({ username: 'x', password: 'y'.repeat(2_000_000) })
    response.assertStatus(413)
    assert.equal(response.body().error.code, 'E_PAYLOAD_TOO_LARGE')
  })

  test('a JSON array, wrong types and script payloads are 422', async ({ client, assert }) => {
    const admin = await demoUser('sysadmin')
    ;(await client.post('/api/v1/auth/login').json([1, 2])).assertStatus(422)
    ;(await client.post('/api/v1/auth/login').json({ username: 42, password: true })).assertStatus(
      422
    )
    const xss = await client
      .post('/api/v1/admin/users')
      .json({
        username: '<script>alert(1)</script>',
        displayName: 'x',
        organisationId: 1,
        roles: [],
        password: 'Strong#Pass2026',
      })
      .withGuard('api')
      .loginAs(admin)
    xss.assertStatus(422)
    const sqli = await client
      .get('/api/v1/admin/users')
      .qs({ q: "' OR 1=1 --" })
      .withGuard('api')
      .loginAs(admin)
    sqli.assertStatus(200)
    assert.lengthOf(sqli.body().data, 0)
  })

  test('path traversal and unknown API paths are JSON 404s', async ({ client, assert }) => {
    const unknown = await client.get('/api/v1/does-not-exist')
    unknown.assertStatus(404)
    assert.equal(unknown.body().error.code, 'E_NOT_FOUND')
    const traversal = await client.get('/api/v1/../../etc/passwd')
    assert.oneOf(traversal.status(), [400, 404])
    const idNotNumber = await client
      .patch('/api/v1/admin/users/abc')
      .json({})
      .withGuard('api')
      .loginAs(await demoUser('sysadmin'))
    idNotNumber.assertStatus(404)
  })

  test('errors are English when asked', async ({ client, assert }) => {
    const response = await client.get('/api/v1/me').header('accept-language', 'en-US,en;q=0.8')
    response.assertStatus(401)
    assert.equal(response.body().error.message, 'Please log in')
    const zh = await client.get('/api/v1/me')
    assert.equal(zh.body().error.message, '请先登录')
  })
})
