import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { isolate } from '#tests/helpers'
import { hourlyFixture, registerProducts } from '#tests/functional/public_data/fixtures'

/** The catalog decides what the supermarket serves: a retired or closed product disappears at once. */
test.group('Public data · publication follows the catalog', (group) => {
  isolate(group)
  group.each.setup(() => registerProducts())

  test('a retired product is gone from the list, its records and its preview', async ({
    client,
    assert,
  }) => {
    await hourlyFixture()
    const before = await client.get('/api/v1/public/products').qs({ perPage: 100 })
    assert.include(
      before.body().data.map((p: any) => p.code),
      'EQ-AIR-002'
    )
    ;(await client.get('/api/v1/public/products/EQ-AIR-002/records')).assertStatus(200)

    await db.from('datasets').where('code', 'EQ-AIR-002').update({ status: 'retired' })

    const after = await client.get('/api/v1/public/products').qs({ perPage: 100 })
    assert.notInclude(
      after.body().data.map((p: any) => p.code),
      'EQ-AIR-002'
    )
    assert.equal(after.body().meta.total, before.body().meta.total - 1)
    ;(await client.get('/api/v1/public/products/EQ-AIR-002/records')).assertStatus(404)
    ;(await client.get('/api/v1/public/products/EQ-AIR-002/preview')).assertStatus(404)
  })

  test('a product whose dataset is no longer open is not served', async ({ client }) => {
    await db.from('datasets').where('code', 'EQ-AIR-002').update({ is_open: false })
    ;(await client.get('/api/v1/public/products/EQ-AIR-002/records')).assertStatus(404)
  })
})
