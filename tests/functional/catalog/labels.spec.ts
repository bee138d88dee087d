import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { demoUser, isolate } from '#tests/helpers'
import { seedFixtureCatalog } from '#tests/fixtures/catalog'
import {
  counts,
  createSampleTable,
  dropSampleTable,
  insertSampleRows,
} from '#tests/fixtures/catalog_store'

const SEARCH = '/api/v1/catalog/datasets'

/*
 * SECURITY.md 9: labels hold on every read. An anonymous caller (and a citizen or enterprise
 * user) never receives a non-open dataset or record — not in results, detail, samples, facets,
 * counts or the taxonomy tree.
 */
test.group('Catalog / labels and visibility', (group) => {
  group.setup(async () => {
    await createSampleTable()
    return () => dropSampleTable()
  })
  isolate(group)

  let ids: Record<string, number> = {}
  group.each.setup(async () => {
    ids = await seedFixtureCatalog()
    await insertSampleRows()
  })

  async function openPublishedCount() {
    const row = await db
      .from('datasets')
      .where({ status: 'published', is_open: true })
      .count('* as n')
      .first()
    return Number(row.n)
  }

  test('anonymous search returns only open, published datasets; totals and facets agree', async ({
    client,
    assert,
  }) => {
    const response = await client.get(`${SEARCH}?perPage=100`)
    response.assertStatus(200)
    const { data, meta, facets } = response.body()
    const expected = await openPublishedCount()
    assert.equal(meta.total, expected)
    assert.isTrue(data.every((d: any) => d.isOpen && d.status === 'published'))
    assert.deepEqual(Object.keys(counts(facets.open)), ['true'])
    assert.deepEqual(Object.keys(counts(facets.grade)), ['general'])
    for (const name of ['category', 'provider', 'grade', 'sharing', 'frequency', 'format']) {
      const sum = facets[name].reduce((acc: number, v: any) => acc + v.count, 0)
      assert.equal(sum, expected, `${name} facet adds up to the visible total`)
    }
    assert.notProperty(facets, 'status')
  })

  test('a query that only matches hidden datasets reveals nothing, not even a count', async ({
    client,
    assert,
  }) => {
    for (const q of ['水文站', 'FX-WR-HYDRO', '在线监测', 'Hydrological']) {
      const response = await client.get(`${SEARCH}?q=${encodeURIComponent(q)}`)
      assert.equal(response.body().meta.total, 0, q)
      for (const values of Object.values(response.body().facets) as any[]) {
        assert.lengthOf(values, 0, q)
      }
    }
    const drafts = await client.get(`${SEARCH}?status=draft`)
    assert.isTrue(drafts.body().data.every((d: any) => d.status === 'published'))
    const closed = await client.get(`${SEARCH}?open=false`)
    assert.equal(closed.body().meta.total, 0)
  })

  test('anonymous detail of a non-open or draft dataset is a 404, like a missing one', async ({
    client,
  }) => {
    for (const code of ['FX-WR-HYDRO', 'FX-PS-ONLINE', 'FX-MET-FORECAST', 'FX-NOISE-DRAFT']) {
      const response = await client.get(`${SEARCH}/${ids[code]}`)
      response.assertStatus(404)
      response.assertBodyContains({ error: { code: 'E_NOT_FOUND' } })
    }
    ;(await client.get(`${SEARCH}/99999999`)).assertStatus(404)
    ;(await client.get(`${SEARCH}/${ids['FX-AIR-DAILY']}`)).assertStatus(200)
  })

  test('citizens and enterprise users see what the public sees', async ({ client, assert }) => {
    const anonymous = await client.get(`${SEARCH}?perPage=100`)
    for (const username of ['citizen', 'enterprise']) {
      const user = await demoUser(username)
      const response = await client.get(`${SEARCH}?perPage=100`).withGuard('api').loginAs(user)
      assert.equal(response.body().meta.total, anonymous.body().meta.total, username)
      const detail = await client
        .get(`${SEARCH}/${ids['FX-DW-COMPLIANCE']}`)
        .withGuard('api')
        .loginAs(user)
      detail.assertStatus(404)
    }
  })

  test('government staff see every published dataset; the catalog admin also drafts', async ({
    client,
    assert,
  }) => {
    const staff = await demoUser('applicant')
    const detail = await client
      .get(`${SEARCH}/${ids['FX-WR-HYDRO']}`)
      .withGuard('api')
      .loginAs(staff)
    detail.assertStatus(200)
    assert.equal(detail.body().data.sharingAttribute, 'not_shared')
    ;(
      await client.get(`${SEARCH}/${ids['FX-NOISE-DRAFT']}`).withGuard('api').loginAs(staff)
    ).assertStatus(404)

    const admin = await demoUser('catalogadmin')
    const drafts = await client.get(`${SEARCH}?status=draft`).withGuard('api').loginAs(admin)
    assert.include(
      drafts.body().data.map((d: any) => d.code),
      'FX-NOISE-DRAFT'
    )
    assert.property(drafts.body().facets, 'status')
  })

  test('samples show only the records the labels allow, schema columns only, sensitive masked', async ({
    client,
    assert,
  }) => {
    const url = `${SEARCH}/${ids['FX-AIR-HOURLY']}`
    const anonymous = await client.get(url)
    anonymous.assertStatus(200)
    const sample = anonymous.body().data.sample
    assert.deepEqual(sample.columns, ['station_code', 'pm25', 'aqi', 'operator_phone'])
    assert.sameMembers(
      sample.rows.map((r: any) => r.station_code),
      ['OPEN-1', 'OPEN-2']
    )
    assert.isTrue(sample.rows.every((r: any) => r.operator_phone === '***'))
    assert.notProperty(sample.rows[0], 'internal_note')
    assert.notProperty(sample.rows[0], 'sharing_scope')

    const staff = await demoUser('applicant')
    const internal = await client.get(url).withGuard('api').loginAs(staff)
    assert.sameMembers(
      internal.body().data.sample.rows.map((r: any) => r.station_code),
      ['OPEN-1', 'OPEN-2', 'UNCOND']
    )
  })

  test('the public sees a masked contact phone and no store internals', async ({
    client,
    assert,
  }) => {
    const anonymous = await client.get(`${SEARCH}/${ids['FX-AIR-HOURLY']}`)
    assert.equal(anonymous.body().data.contact.phone, '027****1234')
    assert.notProperty(anonymous.body().data, 'storeTable')
    const staff = await demoUser('applicant')
    const internal = await client
      .get(`${SEARCH}/${ids['FX-AIR-HOURLY']}`)
      .withGuard('api')
      .loginAs(staff)
    assert.equal(internal.body().data.contact.phone, '027-85551234')
  })

  test('taxonomy counts are the caller’s visible counts', async ({ client, assert }) => {
    const taxonomy = await client.get('/api/v1/catalog/taxonomy')
    const eq = taxonomy.body().data.find((c: any) => c.code === 'EQ')
    const sw = eq.subcategories.find((s: any) => s.code === 'EQ-SW')
    const visibleSw = await db
      .from('datasets as d')
      .join('catalog_subcategories as s', 's.id', 'd.subcategory_id')
      .where({ 's.code': 'EQ-SW', 'd.status': 'published', 'd.is_open': true })
      .count('* as n')
      .first()
    assert.equal(sw.datasetCount, Number(visibleSw.n))

    const staff = await demoUser('applicant')
    const internal = await client.get('/api/v1/catalog/taxonomy').withGuard('api').loginAs(staff)
    const internalSw = internal
      .body()
      .data.find((c: any) => c.code === 'EQ')
      .subcategories.find((s: any) => s.code === 'EQ-SW')
    assert.equal(internalSw.datasetCount, sw.datasetCount + 1, 'FX-WR-HYDRO is not open')
  })

  test('a bad token is refused rather than treated as anonymous', async ({ client }) => {
    const response = await client.get(SEARCH).header('authorization', 'Bearer eco_forged.token')
    response.assertStatus(401)
  })

  test('history needs a login, and hidden datasets have none to show', async ({ client }) => {
    ;(await client.get(`${SEARCH}/${ids['FX-AIR-DAILY']}/history`)).assertStatus(401)
    const citizen = await demoUser('citizen')
    ;(
      await client.get(`${SEARCH}/${ids['FX-WR-HYDRO']}/history`).withGuard('api').loginAs(citizen)
    ).assertStatus(404)
  })
})
