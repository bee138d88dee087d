import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'

/*
 * LIMITER_STORE=database: instances share counts through `rate_limits`. Two limiters on the
 * same key stand for two app instances. No global transaction here: the store writes through
 * its own client, as it does in production.
 */
test.group('Rate limits · shared database store', (group) => {
  group.each.teardown(async () => {
    await db.from('rate_limits').where('key', 'like', 'test_shared_%').delete()
  })

  test('the count is shared and the next call is refused with its wait', async ({ assert }) => {
    const instanceA = limiter.use('database', { requests: 2, duration: '1 minute' })
    const instanceB = limiter.use('database', { requests: 2, duration: '1 minute' })
    await instanceA.consume('test_shared_key')
    await instanceB.consume('test_shared_key')
    const refused = await instanceA.consume('test_shared_key').catch((error) => error)
    assert.equal(refused.code, 'E_TOO_MANY_REQUESTS')
    assert.isAbove(refused.response.availableIn, 0)
    const row = await db.from('rate_limits').where('key', 'like', '%test_shared_key').first()
    assert.isAtLeast(Number(row.points), 2)
  })
})
