import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import { demoUser } from '#tests/helpers'

/** SECURITY.md 14: anonymous catalog reads are limited per IP (120/min by default); 429 says when to retry. */
test.group('Catalog / anonymous rate limit', (group) => {
  group.each.setup(() => limiter.clear())
  group.each.teardown(() => limiter.clear())

  test('an anonymous burst gets 429 with Retry-After; a logged-in user is not throttled here', async ({
    client,
    assert,
  }) => {
    let limited: any = null
    for (let i = 0; i < 121 && !limited; i++) {
      const response = await client.get('/api/v1/catalog/taxonomy')
      if (response.status() === 429) limited = response
    }
    assert.isNotNull(limited, 'no 429 after 121 anonymous requests')
    assert.equal(limited.body().error.code, 'E_TOO_MANY_REQUESTS')
    assert.isAbove(Number(limited.header('retry-after')), 0)

    const staff = await demoUser('applicant')
    const response = await client.get('/api/v1/catalog/taxonomy').withGuard('api').loginAs(staff)
    response.assertStatus(200)
  })
})
