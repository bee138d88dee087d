import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import env from '#start/env'

/** Per-IP limits on the anonymous public API: the burst beyond the limit gets 429 + Retry-After. */
test.group('Public / rate limit', (group) => {
  group.each.setup(() => limiter.clear())
  group.each.teardown(() => limiter.clear())

  test('the request after the per-minute allowance is refused with Retry-After', async ({
    assert,
  }) => {
    const limit = env.get('PUBLIC_RATE_LIMIT') ?? 120
    const url = `http://${process.env.HOST}:${process.env.PORT}/api/v1/public/catalog.jsonld`
    for (let i = 0; i < limit; i++) {
      const ok = await fetch(url)
      assert.equal(ok.status, 200, `request ${i + 1} of ${limit}`)
      await ok.arrayBuffer()
    }
    const refused = await fetch(url, { headers: { 'accept-language': 'en' } })
    assert.equal(refused.status, 429)
    assert.isAbove(Number(refused.headers.get('retry-after')), 0)
    const body = (await refused.json()) as { error: { code: string; message: string } }
    assert.equal(body.error.code, 'E_TOO_MANY_REQUESTS')
    assert.equal(body.error.message, 'Too many requests; try again later')
  })
})
