import { test } from '@japa/runner'
import { isolate } from '#tests/helpers'
import {
  dailyFixture,
  hourlyFixture,
  registerProducts,
} from '#tests/functional/public_data/fixtures'

test.group('Public data · product list and previews', (group) => {
  isolate(group)
  group.each.setup(() => registerProducts())

  test('lists the 20 open products without login, with open-record counts', async ({
    client,
    assert,
  }) => {
    await hourlyFixture()
    const response = await client.get('/api/v1/public/products')
    response.assertStatus(200)
    const { data, meta } = response.body()
    assert.lengthOf(data, 20)
    assert.equal(meta.total, 20)
    const hourly = data.find((product: any) => product.code === 'EQ-AIR-002')
    // 12 fixture rows, one internal and one sensitive: only the 10 open+public ones count.
    assert.equal(hourly.recordCount, 10)
    assert.equal(hourly.timeField, 'observed_at')
    assert.isTrue(hourly.fields.find((f: any) => f.name === 'pm25').filterable)
  })

  test('paginates the product list and refuses unknown parameters', async ({ client, assert }) => {
    const second = await client.get('/api/v1/public/products').qs({ page: 2, perPage: 15 })
    second.assertStatus(200)
    assert.lengthOf(second.body().data, 5)
    assert.equal(second.body().meta.lastPage, 2)
    const unknown = await client.get('/api/v1/public/products').qs({ isOpen: 'false' })
    unknown.assertStatus(422)
    assert.equal(unknown.body().error.code, 'E_UNKNOWN_FIELDS')
  })

  test('daily report preview: city AQI, band and primary pollutant per district for the latest open day', async ({
    client,
    assert,
  }) => {
    await dailyFixture()
    const response = await client.get('/api/v1/public/products/EQ-AIR-003/preview')
    response.assertStatus(200)
    const { preview } = response.body().data
    assert.equal(preview.date, '2026-01-10')
    assert.include(preview.city, {
      areaCode: '420100',
      aqi: 72,
      level: 2,
      category: '良',
      primaryPollutant: 'PM2.5',
    })
    assert.deepEqual(
      preview.districts.map((d: any) => [d.areaName, d.aqi, d.category]),
      [
        ['江岸区', 118, '轻度污染'],
        ['新洲区', 45, '优'],
      ]
    )
  })

  test('hourly preview takes the latest hour among open rows only', async ({ client, assert }) => {
    await hourlyFixture()
    const response = await client.get('/api/v1/public/products/eq-air-002/preview')
    response.assertStatus(200)
    const { preview } = response.body().data
    assert.equal(preview.observedAt, '2026-01-01T03:00:00Z')
    // AS003's 03:00 row is sensitive, so only two stations report that hour.
    assert.deepEqual(
      preview.stations.map((s: any) => s.stationCode),
      ['AS001', 'AS002']
    )
  })

  test('every product preview answers on empty stores and on data', async ({ client }) => {
    await hourlyFixture()
    await dailyFixture()
    const list = await client.get('/api/v1/public/products')
    for (const product of list.body().data) {
      const response = await client.get(`/api/v1/public/products/${product.code}/preview`)
      response.assertStatus(200)
    }
  })

  test('an unknown or non-open dataset is not a product', async ({ client, assert }) => {
    for (const code of ['NOPE-1', 'PS-ONLINE-002']) {
      const response = await client.get(`/api/v1/public/products/${code}/preview`)
      response.assertStatus(404)
      assert.equal(response.body().error.code, 'E_NOT_FOUND')
    }
    const english = await client
      .get('/api/v1/public/products/NOPE-1/records')
      .header('Accept-Language', 'en')
    english.assertStatus(404)
    assert.equal(english.body().error.message, 'The requested resource does not exist')
  })
})
