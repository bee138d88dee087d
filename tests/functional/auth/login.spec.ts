import { test } from '@japa/runner'
import clock from '#services/clock'
import { DEMO_PASSWORD, auditRows, demoUser, isolate } from '#tests/helpers'

test.group('Auth / token login and lockout', (group) => {
  isolate(group)

  test('a correct password returns a bearer token that authenticates /me', async ({
    client,
    assert,
  }) => {
    const login = await client
      .post('/api/v1/auth/login')
      .json({ username: 'applicant', password: DEMO_PASSWORD })
    login.assertStatus(200)
    const token = login.body().data.token as string
    assert.match(token, /^eco_/)
    const me = await client.get('/api/v1/me').bearerToken(token)
    me.assertStatus(200)
    assert.equal(me.body().data.username, 'applicant')
    assert.deepEqual(me.body().data.roles, ['applicant'])
    assert.include(me.body().data.permissions, 'request.create')
    const success = await auditRows('auth.login').where('result', 'success').first()
    assert.equal(success.actor_username, 'applicant')
  })

  test('the token is stored only as a hash', async ({ client, assert }) => {
    const login = await client
      .post('/api/v1/auth/login')
      .json({ username: 'applicant', password: DEMO_PASSWORD })
    const token = login.body().data.token as string
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const rows = await db.from('auth_access_tokens')
    assert.isAbove(rows.length, 0)
    for (const row of rows) assert.notInclude(token, row.hash)
  })

  test('unknown user and wrong password get the same generic answer', async ({
    client,
    assert,
  }) => {
    const unknown = await client
      .post('/api/v1/auth/login')
      .json({ username: 'nobody', password: 'Whatever@123' })
    const wrong = await client
      .post('/api/v1/auth/login')
      .json({ username: 'applicant', password: 'Wrong@Pass123' })
    unknown.assertStatus(401)
    wrong.assertStatus(401)
    assert.deepEqual(unknown.body(), wrong.body())
    assert.equal(wrong.body().error.code, 'E_INVALID_CREDENTIALS')
    const failures = await auditRows('auth.login').where('result', 'failure')
    assert.sameMembers(
      failures.map((r) => JSON.parse(r.details).reason),
      ['unknown_user', 'wrong_password']
    )
  })

  test('five failures lock the account for 15 minutes, even against the right password', async ({
    client,
    assert,
  }) => {
    for (let i = 0; i < 5; i++) {
      await client
        .post('/api/v1/auth/login')
        .json({ username: 'applicant', password: `Wrong@Pass${i}x` })
    }
    const locked = await client
      .post('/api/v1/auth/login')
      .json({ username: 'applicant', password: DEMO_PASSWORD })
    locked.assertStatus(401)
    assert.equal(locked.body().error.code, 'E_INVALID_CREDENTIALS')
    assert.lengthOf(await auditRows('auth.lockout'), 1)
    const user = await demoUser('applicant')
    assert.isNotNull(user.lockedUntil)

    clock.travel({ minutes: 14 })
    ;(
      await client
        .post('/api/v1/auth/login')
        .json({ username: 'applicant', password: DEMO_PASSWORD })
    ).assertStatus(401)
    clock.travel({ minutes: 2 })
    ;(
      await client
        .post('/api/v1/auth/login')
        .json({ username: 'applicant', password: DEMO_PASSWORD })
    ).assertStatus(200)
  })

  test('four failures then a success reset the counter', async ({ client, assert }) => {
    for (let i = 0; i < 4; i++)
      await client
        .post('/api/v1/auth/login')
        .json({ username: 'applicant', password: `Bad@Pass${i}xx` })
    ;(
      await client
        .post('/api/v1/auth/login')
        .json({ username: 'applicant', password: DEMO_PASSWORD })
    ).assertStatus(200)
    assert.equal((await demoUser('applicant')).failedLoginCount, 0)
  })

  test('logout revokes the token', async ({ client, assert }) => {
    const token = (
      await client
        .post('/api/v1/auth/login')
        .json({ username: 'applicant', password: DEMO_PASSWORD })
    ).body().data.token as string
    ;(await client.post('/api/v1/auth/logout').bearerToken(token)).assertStatus(204)
    ;(await client.get('/api/v1/me').bearerToken(token)).assertStatus(401)
    assert.lengthOf(await auditRows('auth.logout'), 1)
  })

  test('a disabled account cannot log in and its tokens stop working', async ({ client }) => {
    const token = (
      await client
        .post('/api/v1/auth/login')
        .json({ username: 'applicant', password: DEMO_PASSWORD })
    ).body().data.token as string
    const admin = await demoUser('sysadmin')
    const target = await demoUser('applicant')
    ;(
      await client
        .patch(`/api/v1/admin/users/${target.id}`)
        .json({ status: 'disabled' })
        .withGuard('api')
        .loginAs(admin)
    ).assertStatus(200)
    ;(await client.get('/api/v1/me').bearerToken(token)).assertStatus(401)
    ;(
      await client
        .post('/api/v1/auth/login')
        .json({ username: 'applicant', password: DEMO_PASSWORD })
    ).assertStatus(401)
  })

  test('login input is validated and unknown fields refused', async ({ client, assert }) => {
    const missing = await client.post('/api/v1/auth/login').json({ username: 'applicant' })
    missing.assertStatus(422)
    assert.equal(missing.body().error.details[0].field, 'password')
    const extra = await client
      .post('/api/v1/auth/login')
      .json({ username: 'applicant', password: DEMO_PASSWORD, role: 'system_admin' })
    extra.assertStatus(422)
    assert.equal(extra.body().error.code, 'E_UNKNOWN_FIELDS')
  })
})
