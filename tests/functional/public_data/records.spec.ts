import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { isolate } from '#tests/helpers'
import {
  HIDDEN,
  OPEN,
  hourlyFixture,
  registerProducts,
} from '#tests/functional/public_data/fixtures'

const RECORDS = '/api/v1/public/products/EQ-AIR-002/records'
const key = (row: any) => `${row.station_code}@${row.observed_at.slice(11, 13)}`

test.group('Public data · records', (group) => {
  isolate(group)
  group.each.setup(() => registerProducts())

  test('returns only open and public rows, in rows and in the total', async ({
    client,
    assert,
  }) => {
    await hourlyFixture()
    const response = await client.get(RECORDS).qs({ perPage: 500 })
    response.assertStatus(200)
    const { data, meta } = response.body()
    assert.equal(meta.total, 10)
    assert.lengthOf(data, 10)
    assert.notInclude(data.map(key), 'AS002@02')
    assert.notInclude(data.map(key), 'AS003@03')
    assert.deepEqual(Object.keys(data[0]).sort(), [
      'aqi',
      'aqi_level',
      'co',
      'district_code',
      'no2',
      'o3',
      'o3_8h',
      'observed_at',
      'pm10',
      'pm25',
      'primary_pollutant',
      'so2',
      'station_code',
    ])
    assert.equal(data[0].observed_at, '2026-01-01T03:00:00Z')
  })

  test('equality, ranges and in-lists combine with AND', async ({ client, assert }) => {
    await hourlyFixture()
    const one = await client.get(RECORDS).qs({ station_code: 'AS001' })
    assert.equal(one.body().meta.total, 4)
    const range = await client.get(`${RECORDS}?pm25[gte]=21&pm25[lte]=31`)
    assert.sameMembers(range.body().data.map(key), [
      'AS001@01',
      'AS001@02',
      'AS001@03',
      'AS002@00',
      'AS002@01',
    ])
    const list = await client.get(`${RECORDS}?station_code[in]=AS002,AS003&district_code=420107`)
    assert.sameMembers(list.body().data.map(key), ['AS003@00', 'AS003@01', 'AS003@02'])
  })

  test('time range: from inclusive, to exclusive; zone-less times are China time', async ({
    client,
    assert,
  }) => {
    await hourlyFixture()
    const utc = await client
      .get(RECORDS)
      .qs({ from: '2026-01-01T01:00:00Z', to: '2026-01-01T03:00:00Z', station_code: 'AS001' })
    assert.deepEqual(utc.body().data.map(key), ['AS001@02', 'AS001@01'])
    const china = await client
      .get(RECORDS)
      .qs({ from: '2026-01-01T10:00:00', to: '2026-01-01T11:00', station_code: 'AS001' })
    assert.deepEqual(china.body().data.map(key), ['AS001@02'])
  })

  test('sorts by a filterable field and pages stably', async ({ client, assert }) => {
    await hourlyFixture()
    const sorted = await client.get(RECORDS).qs({ sort: '-pm25', perPage: 3 })
    assert.deepEqual(
      sorted.body().data.map((row: any) => row.pm25),
      [42, 41, 40]
    )
    assert.deepEqual(sorted.body().meta, { total: 10, perPage: 3, currentPage: 1, lastPage: 4 })
    const seen = new Set<string>()
    for (let page = 1; page <= 4; page++) {
      const response = await client.get(RECORDS).qs({ sort: 'aqi_level', perPage: 3, page })
      for (const row of response.body().data) seen.add(key(row))
    }
    assert.equal(seen.size, 10)
  })

  test('bad filters are 422 with details, never 500', async ({ client, assert }) => {
    await hourlyFixture()
    const cases: [string, string, string][] = [
      ['perPage=501', 'E_VALIDATION', 'perPage'],
      ['page=0', 'E_VALIDATION', 'page'],
      ['page=202&perPage=500', 'E_VALIDATION', 'page'],
      ['pm25[gte]=abc', 'E_VALIDATION', 'pm25[gte]'],
      ['pm25[between]=1', 'E_VALIDATION', 'pm25[between]'],
      ['observed_at=yesterday', 'E_VALIDATION', 'observed_at'],
      ['sort=classification_level', 'E_VALIDATION', 'sort'],
      ['classification_level=internal', 'E_UNKNOWN_FIELDS', 'classification_level'],
      ['sharing_scope[in]=open,conditional', 'E_UNKNOWN_FIELDS', 'sharing_scope'],
    ]
    for (const [qs, code, field] of cases) {
      const response = await client.get(`${RECORDS}?${qs}`)
      response.assertStatus(422)
      assert.equal(response.body().error.code, code, qs)
      assert.equal(response.body().error.details[0].field, field, qs)
    }
  })

  test('sensitive columns and non-open rows of a register stay hidden', async ({
    client,
    assert,
  }) => {
    const enterprise = (code: string, labels: object) => ({
      enterprise_code: code,
      enterprise_name: `${code} 有限公司`,
      credit_code: '91420102MA00050000',
      industry: '化工',
      key_categories: '水',
      district_code: '420102',
      legal_representative: '张三',
      listed_year: 2020,
      ...labels,
    })
    await db
      .table('enterprises')
      .multiInsert([
        enterprise('E-OPEN', OPEN),
        ...HIDDEN.map((labels, i) => enterprise(`E-HIDDEN-${i}`, labels)),
      ])
    const response = await client.get('/api/v1/public/products/PS-PERMIT-001/records')
    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((row: any) => row.enterprise_code),
      ['E-OPEN']
    )
    assert.notProperty(response.body().data[0], 'legal_representative')
    const filtered = await client
      .get('/api/v1/public/products/PS-PERMIT-001/records')
      .qs({ enterprise_code: 'E-HIDDEN-0' })
    assert.equal(filtered.body().meta.total, 0)
    const byName = await client
      .get('/api/v1/public/products/PS-PERMIT-001/records')
      .qs({ legal_representative: '张三' })
    byName.assertStatus(422)
  })
})
