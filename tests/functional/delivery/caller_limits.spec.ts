import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'
import { callerLimits } from '#config/delivery'
import { isolate } from '#tests/helpers'
import { data, grantThroughRequest, issueKey, setupDelivery } from './fixtures.js'

/*
 * Rate limits per key, per user and per client IP sit on top of the grant's own calls per
 * minute (SECURITY.md 14): each answers 429 with Retry-After and leaves a usage row.
 */
const defaults = { ...callerLimits }

test.group('Delivery · rate limits per key, user and IP', (group) => {
  isolate(group)
  group.each.setup(async () => {
    await setupDelivery()
    await limiter.clear()
    return async () => {
      Object.assign(callerLimits, defaults)
      await limiter.clear()
    }
  })

  test('a busy key is limited on its own; the user limit spans all their keys', async ({
    client,
    assert,
  }) => {
    Object.assign(callerLimits, { perKey: 2, perUser: 3 })
    const grant = await grantThroughRequest(client)
    const first = await issueKey(client, [grant.id])
    const second = await issueKey(client, [grant.id])
    ;(await data(client, first.secret)).assertStatus(200)
    ;(await data(client, first.secret)).assertStatus(200)
    const keyLimited = await data(client, first.secret)
    keyLimited.assertStatus(429)
    assert.isAbove(Number(keyLimited.header('retry-after')), 0)
    ;(await data(client, second.secret)).assertStatus(200)
    const userLimited = await data(client, second.secret)
    userLimited.assertStatus(429)
    assert.equal(userLimited.body().error.code, 'E_TOO_MANY_REQUESTS')

    const statuses = await db.from('data_usage').orderBy('id').select('status', 'api_key_id')
    assert.deepEqual(
      statuses.map((row: any) => Number(row.status)),
      [200, 200, 429, 200, 429]
    )
  })

  test('one client address is limited across users and keys', async ({ client }) => {
    Object.assign(callerLimits, { perIp: 1 })
    const mine = await issueKey(client, [(await grantThroughRequest(client)).id])
    ;(await data(client, mine.secret)).assertStatus(200)
    ;(await data(client, mine.secret)).assertStatus(429)
  })

  test('the limits are generous by default', async ({ client }) => {
    const { secret } = await issueKey(client, [(await grantThroughRequest(client)).id])
    for (let call = 0; call < 5; call++) (await data(client, secret)).assertStatus(200)
  })
})
