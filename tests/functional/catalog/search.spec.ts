import { test } from '@japa/runner'
import { demoUser, isolate } from '#tests/helpers'
import db from '@adonisjs/lucid/services/db'
import { FIXTURE_TAG, fixtureDefinition, seedFixtureCatalog } from '#tests/fixtures/catalog'
import { upsertDataset } from '#services/catalog/upsert_dataset'
import {
  changedDatasetsBetween,
  currentCatalogRevision,
  touchCatalog,
} from '#services/catalog/catalog_revision'
import { counts } from '#tests/fixtures/catalog_store'

const SEARCH = '/api/v1/catalog/datasets'
const fixtureOnly = `tag=${encodeURIComponent(FIXTURE_TAG)}`

test.group('Catalog / search', (group) => {
  isolate(group)
  group.each.setup(async () => {
    await seedFixtureCatalog()
  })

  const codes = (response: any) => response.body().data.map((d: any) => d.code)

  test('Chinese text matches by character pairs: 水质 finds the surface-water report', async ({
    client,
    assert,
  }) => {
    const staff = await demoUser('applicant')
    const response = await client
      .get(`${SEARCH}?q=${encodeURIComponent('水质')}&${fixtureOnly}`)
      .withGuard('api')
      .loginAs(staff)
    response.assertStatus(200)
    assert.deepEqual(codes(response), ['FX-SW-MONTHLY'])

    const single = await client
      .get(`${SEARCH}?q=${encodeURIComponent('水')}&${fixtureOnly}&sort=code`)
      .withGuard('api')
      .loginAs(staff)
    assert.includeMembers(codes(single), ['FX-SW-MONTHLY', 'FX-DW-COMPLIANCE', 'FX-WR-HYDRO'])
    assert.notInclude(codes(single), 'FX-AIR-DAILY')

    const twoWords = await client
      .get(`${SEARCH}?q=${encodeURIComponent('空气 日报')}&${fixtureOnly}`)
      .withGuard('api')
      .loginAs(staff)
    assert.deepEqual(codes(twoWords), ['FX-AIR-DAILY'])

    const none = await client
      .get(`${SEARCH}?q=${encodeURIComponent('核辐射')}&${fixtureOnly}`)
      .withGuard('api')
      .loginAs(staff)
    assert.equal(none.body().meta.total, 0)
  })

  test('English words match names, tags and field names, also as prefixes', async ({
    client,
    assert,
  }) => {
    const staff = await demoUser('applicant')
    const water = await client
      .get(`${SEARCH}?q=water&${fixtureOnly}&sort=code`)
      .withGuard('api')
      .loginAs(staff)
    assert.deepEqual(codes(water), ['FX-DW-COMPLIANCE', 'FX-SW-MONTHLY', 'FX-WR-HYDRO'])

    const prefix = await client
      .get(`${SEARCH}?q=WAT&${fixtureOnly}&sort=code`)
      .withGuard('api')
      .loginAs(staff)
    assert.deepEqual(codes(prefix), codes(water))

    const field = await client
      .get(`${SEARCH}?q=station_code&${fixtureOnly}`)
      .withGuard('api')
      .loginAs(staff)
    assert.equal(codes(field)[0], 'FX-AIR-HOURLY')

    const tag = await client.get(`${SEARCH}?q=PM2.5&${fixtureOnly}`).withGuard('api').loginAs(staff)
    assert.deepEqual(codes(tag), ['FX-AIR-HOURLY'])

    const code = await client.get(`${SEARCH}?q=FX-PS-ONLINE`).withGuard('api').loginAs(staff)
    assert.equal(codes(code)[0], 'FX-PS-ONLINE')
  })

  test('relevance puts name matches before taxonomy matches', async ({ client, assert }) => {
    const staff = await demoUser('applicant')
    const response = await client
      .get(`${SEARCH}?q=${encodeURIComponent('空气')}&${fixtureOnly}`)
      .withGuard('api')
      .loginAs(staff)
    const found = codes(response)
    assert.sameMembers(found.slice(0, 2), ['FX-AIR-HOURLY', 'FX-AIR-DAILY'])
    assert.include(found.slice(2), 'FX-MET-FORECAST')
  })

  test('facet counts match the hand-computed fixture', async ({ client, assert }) => {
    const staff = await demoUser('applicant')
    const response = await client
      .get(`${SEARCH}?${fixtureOnly}&perPage=1`)
      .withGuard('api')
      .loginAs(staff)
    response.assertStatus(200)
    const { facets, meta } = response.body()
    assert.equal(meta.total, 8)
    assert.equal(meta.lastPage, 8)
    assert.deepEqual(counts(facets.category), { EQ: 6, PS: 1, EN: 1 })
    assert.deepEqual(counts(facets.subcategory), {
      'EQ-AIR': 3,
      'EQ-SW': 2,
      'EQ-DW': 1,
      'PS-ONLINE': 1,
      'EN-PENALTY': 1,
    })
    assert.deepEqual(counts(facets.provider), {
      'JC-EEB-MON': 5,
      'JC-EEB-ENF': 1,
      'JC-MET': 1,
      'JC-WR': 1,
    })
    assert.deepEqual(counts(facets.grade), { general: 5, important: 2, core: 1 })
    assert.deepEqual(counts(facets.sharing), { unconditional: 5, conditional: 2, not_shared: 1 })
    assert.deepEqual(counts(facets.open), { true: 4, false: 4 })
    assert.deepEqual(counts(facets.frequency), { hourly: 3, daily: 2, monthly: 2, realtime: 1 })
    assert.deepEqual(counts(facets.format), { time_series: 4, table: 4 })
    assert.equal(facets.category[0].value, 'EQ', 'largest count first')
    assert.equal(facets.grade.find((v: any) => v.value === 'core').labelZh, '核心数据')
    assert.notProperty(facets, 'status', 'status facet is for catalog admins')
  })

  test('facets are disjunctive: each is counted with every other filter applied', async ({
    client,
    assert,
  }) => {
    const staff = await demoUser('applicant')
    const response = await client
      .get(`${SEARCH}?${fixtureOnly}&grade=general&category=EQ`)
      .withGuard('api')
      .loginAs(staff)
    const { facets, meta } = response.body()
    assert.equal(meta.total, 4)
    assert.deepEqual(counts(facets.grade), { general: 4, important: 1, core: 1 })
    assert.deepEqual(counts(facets.category), { EQ: 4, EN: 1 })
    assert.deepEqual(counts(facets.provider), { 'JC-EEB-MON': 3, 'JC-MET': 1 })

    const orWithin = await client
      .get(`${SEARCH}?${fixtureOnly}&grade=core,important&sort=code`)
      .withGuard('api')
      .loginAs(staff)
    assert.deepEqual(codes(orWithin), ['FX-DW-COMPLIANCE', 'FX-PS-ONLINE', 'FX-WR-HYDRO'])
    const repeated = await client
      .get(`${SEARCH}?${fixtureOnly}&grade=core&grade=important&sort=code`)
      .withGuard('api')
      .loginAs(staff)
    assert.deepEqual(codes(repeated), codes(orWithin))
  })

  test('every filter narrows as documented', async ({ client, assert }) => {
    const staff = await demoUser('applicant')
    const cases: [string, string[]][] = [
      ['subcategory=EQ-SW', ['FX-SW-MONTHLY', 'FX-WR-HYDRO']],
      ['provider=JC-MET', ['FX-MET-FORECAST']],
      ['sharing=not_shared', ['FX-WR-HYDRO']],
      ['open=true', ['FX-AIR-DAILY', 'FX-AIR-HOURLY', 'FX-EN-PENALTY', 'FX-SW-MONTHLY']],
      ['frequency=realtime', ['FX-PS-ONLINE']],
      ['format=time_series&frequency=hourly', ['FX-AIR-HOURLY', 'FX-MET-FORECAST', 'FX-WR-HYDRO']],
      ['tag=cross-department', ['FX-MET-FORECAST', 'FX-WR-HYDRO']],
    ]
    for (const [filter, expected] of cases) {
      const response = await client
        .get(`${SEARCH}?${fixtureOnly}&${filter}&sort=code`)
        .withGuard('api')
        .loginAs(staff)
      assert.deepEqual(codes(response), expected, filter)
    }
  })

  test('sorting and paging', async ({ client, assert }) => {
    const staff = await demoUser('applicant')
    const byCode = await client
      .get(`${SEARCH}?${fixtureOnly}&sort=code&perPage=3&page=2`)
      .withGuard('api')
      .loginAs(staff)
    assert.deepEqual(codes(byCode), ['FX-EN-PENALTY', 'FX-MET-FORECAST', 'FX-PS-ONLINE'])
    assert.deepEqual(byCode.body().meta, { total: 8, perPage: 3, currentPage: 2, lastPage: 3 })
    const desc = await client
      .get(`${SEARCH}?${fixtureOnly}&sort=-code&perPage=1`)
      .withGuard('api')
      .loginAs(staff)
    assert.deepEqual(codes(desc), ['FX-WR-HYDRO'])
    const byName = await client
      .get(`${SEARCH}?${fixtureOnly}&sort=name&perPage=2`)
      .withGuard('api')
      .loginAs(staff)
    // Pinyin order: 地表水… (di) before 环境空气… (huan kong) before 环境行政… (huan xing)
    assert.deepEqual(codes(byName), ['FX-SW-MONTHLY', 'FX-AIR-HOURLY'])
  })

  test('bad search parameters are 422, unknown ones refused', async ({ client, assert }) => {
    const staff = await demoUser('applicant')
    ;(await client.get(`${SEARCH}?perPage=1000`).withGuard('api').loginAs(staff)).assertStatus(422)
    ;(await client.get(`${SEARCH}?sort=random`).withGuard('api').loginAs(staff)).assertStatus(422)
    const unknown = await client.get(`${SEARCH}?ownerId=1`).withGuard('api').loginAs(staff)
    unknown.assertStatus(422)
    assert.equal(unknown.body().error.code, 'E_UNKNOWN_FIELDS')
  })

  test('a write is visible to the next search', async ({ client, assert }) => {
    const admin = await demoUser('catalogadmin')
    const before = await client
      .get(`${SEARCH}?q=${encodeURIComponent('臭氧')}&${fixtureOnly}`)
      .withGuard('api')
      .loginAs(admin)
    assert.equal(before.body().meta.total, 0)
    const detail = await client.get(`${SEARCH}?q=FX-AIR-DAILY`).withGuard('api').loginAs(admin)
    const id = detail.body().data[0].id
    const patch = await client
      .patch(`${SEARCH}/${id}`)
      .json({
        version: 1,
        description: '全市及各区每日空气质量指数、级别和首要污染物（含臭氧8小时）。',
      })
      .withGuard('api')
      .loginAs(admin)
    patch.assertStatus(200)
    const after = await client
      .get(`${SEARCH}?q=${encodeURIComponent('臭氧')}&${fixtureOnly}`)
      .withGuard('api')
      .loginAs(admin)
    assert.deepEqual(codes(after), ['FX-AIR-DAILY'])
  })

  test('the change chain names the datasets to reload, and breaks on rollback', async ({
    assert,
  }) => {
    const from = await currentCatalogRevision()
    const first = await upsertDataset(fixtureDefinition({ code: 'CHAIN-001' }))
    const second = await upsertDataset(fixtureDefinition({ code: 'CHAIN-002' }))
    const to = await currentCatalogRevision()
    const changed = await changedDatasetsBetween(db.connection(), from, to)
    assert.sameMembers(changed!, [first.dataset.id, second.dataset.id])

    await db.transaction(async (trx) => {
      await touchCatalog(trx, first.dataset.id)
      await trx.rollback()
    })
    assert.equal(await currentCatalogRevision(), to, 'a rolled-back write leaves the token')
    assert.isNull(await changedDatasetsBetween(db.connection(), 'never-seen', to))

    await touchCatalog(db.connection(), null)
    const after = await currentCatalogRevision()
    assert.isNull(
      await changedDatasetsBetween(db.connection(), to, after),
      'a shared change rebuilds'
    )
  })
})
