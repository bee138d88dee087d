import { test } from '@japa/runner'
import clock from '#services/clock'
import { DEMO_PASSWORD, auditRows, isolate } from '#tests/helpers'

/*
 * Browser flow: the CSRF token from a first GET, then a cookie session with CSRF checks and
 * the idle timeout. The client re-signs the session cookie exactly as a browser returns it.
 */
async function browserLogin(client: any, username = 'applicant') {
  const first = await client.get('/api/v1/auth/csrf')
  const csrf = first.cookie('XSRF-TOKEN').value as string
  const login = await client
    .post('/api/v1/auth/session')
    .cookie('ecoshare-session', first.cookie('ecoshare-session').value)
    .header('x-csrf-token', csrf)
    .json({ username, password: DEMO_PASSWORD })
  const session = login.cookie('ecoshare-session')?.value as string
  return { login, session, csrf }
}

test.group('Auth / browser session', (group) => {
  isolate(group)

  test('login sets an HttpOnly SameSite session cookie and /me works with it', async ({
    client,
    assert,
  }) => {
    const { login, session } = await browserLogin(client)
    login.assertStatus(200)
    const raw = ([] as string[]).concat(login.headers()['set-cookie']).join('\n')
    assert.match(raw, /ecoshare-session=.*HttpOnly/)
    assert.match(raw, /ecoshare-session=.*SameSite=Strict/)
    const me = await client.get('/api/v1/me').cookie('ecoshare-session', session)
    me.assertStatus(200)
    assert.equal(me.body().data.username, 'applicant')
  })

  test('a state-changing request without the CSRF token is refused', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/auth/session')
      .json({ username: 'applicant', password: DEMO_PASSWORD })
    response.assertStatus(403)
    assert.equal(response.body().error.code, 'E_CSRF')
  })

  test('30 idle minutes end the session; activity keeps it alive', async ({ client, assert }) => {
    const { session } = await browserLogin(client)
    clock.travel({ minutes: 25 })
    ;(await client.get('/api/v1/me').cookie('ecoshare-session', session)).assertStatus(200)
    clock.travel({ minutes: 25 })
    ;(await client.get('/api/v1/me').cookie('ecoshare-session', session)).assertStatus(200)
    clock.travel({ minutes: 31 })
    const expired = await client.get('/api/v1/me').cookie('ecoshare-session', session)
    expired.assertStatus(401)
    assert.equal(expired.body().error.code, 'E_SESSION_EXPIRED')
    ;(await client.get('/api/v1/me').cookie('ecoshare-session', session)).assertStatus(401)
    assert.lengthOf(await auditRows('auth.session_expired'), 1)
  })

  test('logout ends the session server-side', async ({ client, assert }) => {
    const { session, csrf } = await browserLogin(client)
    ;(
      await client
        .delete('/api/v1/auth/session')
        .cookie('ecoshare-session', session)
        .header('x-csrf-token', csrf)
    ).assertStatus(204)
    ;(await client.get('/api/v1/me').cookie('ecoshare-session', session)).assertStatus(401)
    assert.lengthOf(await auditRows('auth.logout'), 1)
  })
})
