import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { isolate } from '#tests/helpers'
import { HIDDEN, OPEN } from '#tests/functional/public_data/fixtures'
import {
  as,
  data,
  grantThroughRequest,
  issueKey,
  requestBody,
  setupDelivery,
} from '#tests/functional/delivery/fixtures'

/*
 * The request form's structured row scope (the editor's options, the server's checks, the grant
 * it becomes) and renewals that name the grant they replace.
 */
async function registers() {
  await db.table('air_stations').multiInsert([
    { station_code: 'AS001', station_name: '汉口花桥', district_code: '420102', ...OPEN },
    { station_code: 'AS002', station_name: '江汉二桥', district_code: '420102', ...OPEN },
    { station_code: 'AS009', station_name: '内部站', district_code: '420107', ...HIDDEN[1] },
  ])
  await db.table('enterprises').multiInsert(
    Array.from({ length: 25 }, (_, i) => ({
      enterprise_code: `E${String(i).padStart(3, '0')}`,
      enterprise_name: i === 7 ? '江城钢铁有限公司' : `江城企业${i}`,
      district_code: '420107',
      ...(i === 24 ? HIDDEN[2] : OPEN),
    }))
  )
}

test.group('Requests · structured row scope', (group) => {
  isolate(group)
  group.each.setup(async () => {
    await setupDelivery()
    await registers()
  })

  test('the editor is offered the dimensions and codes the datasets and the viewer allow', async ({
    client,
    assert,
  }) => {
    const api = await as(client, 'applicant')
    const air = await api.get('/api/v1/catalog/scope-options?datasets=EQ-AIR-002')
    air.assertStatus(200)
    const options = air.body().data
    assert.sameMembers(options.dimensions, ['districts', 'stations'])
    assert.isTrue(options.timeRange)
    assert.lengthOf(options.districts, 12)
    assert.deepEqual(
      options.stations.map((s: any) => s.code),
      ['AS001', 'AS002']
    )
    assert.deepEqual(options.sections, [])

    const registerOnly = await api.get('/api/v1/catalog/scope-options?datasets=PS-PERMIT-001')
    assert.sameMembers(registerOnly.body().data.dimensions, ['districts', 'enterprises'])
    assert.isFalse(registerOnly.body().data.timeRange)

    const search = await api.get('/api/v1/catalog/scope-options/enterprises?q=钢铁')
    assert.deepEqual(
      search.body().data.map((e: any) => e.code),
      ['E007']
    )
    const page2 = await api.get('/api/v1/catalog/scope-options/enterprises?page=2&perPage=10')
    assert.equal(page2.body().meta.total, 24, 'the sensitive enterprise is not listed')
    assert.equal(page2.body().data[0].code, 'E010')

    const bad = await api.get('/api/v1/catalog/scope-options?datasets=EQ-AIR-002;drop')
    bad.assertStatus(422)
    const anonymous = await client.get('/api/v1/catalog/scope-options?datasets=EQ-AIR-002')
    anonymous.assertStatus(401)
  })

  test('a structured scope becomes the grant and narrows the rows', async ({ client, assert }) => {
    const grant = await grantThroughRequest(client, 'applicant', {
      rowScope: { districts: ['420102'], stations: [], from: '2025-12-01', note: '仅江岸区' },
    })
    assert.deepEqual(grant.rowScope, {
      districts: ['420102'],
      from: '2025-12-01',
      note: '仅江岸区',
    })
    const { secret } = await issueKey(client, [grant.id])
    const response = await data(client, secret, 'limit=100')
    response.assertStatus(200)
    const stations = new Set(response.body().data.map((row: any) => row.station_code))
    assert.deepEqual([...stations].sort(), ['AS001', 'AS002'])
  })

  test('a scope the datasets or the city cannot honour is refused by field', async ({
    client,
    assert,
  }) => {
    const api = await as(client, 'applicant')
    const cases: [object, string][] = [
      [{ sections: ['WS001'] }, 'rowScope.sections'],
      [{ stations: ['AS404'] }, 'rowScope.stations'],
      [{ stations: ['AS009'] }, 'rowScope.stations'],
      [{ districts: ['999999'] }, 'rowScope.districts'],
      [{ from: '2026-03-01', to: '2026-02-01' }, 'rowScope.to'],
      [{ stations: ["AS001' OR 1=1"] }, 'rowScope.stations.0'],
      [{ unknown: ['x'] }, 'rowScope'],
    ]
    for (const [rowScope, field] of cases) {
      const response = await api.post('/api/v1/requests', requestBody({ rowScope }))
      response.assertStatus(422)
      const fields = response.body().error.details.map((d: any) => d.field)
      assert.include(fields.join(' '), field, JSON.stringify(rowScope))
    }
    assert.equal(Number((await db.from('data_requests').count('* as n'))[0].n), 0)

    const prose = await api.post('/api/v1/requests', requestBody({ rowScope: '江岸区的站点' }))
    prose.assertStatus(201)
    assert.equal(prose.body().data.form.rowScope, '江岸区的站点')
  })
})

test.group('Requests · renewal and scope change', (group) => {
  isolate(group)
  group.each.setup(() => setupDelivery())

  test('a renewal names the grant it replaces and shows its decision', async ({
    client,
    assert,
  }) => {
    const previous = await grantThroughRequest(client)
    const api = await as(client, 'applicant')
    const renewal = await api.post(
      '/api/v1/requests',
      requestBody({ previousGrantId: previous.id, fields: ['station_code', 'observed_at'] })
    )
    renewal.assertStatus(201)
    assert.equal(renewal.body().data.previousGrantId, previous.id)
    const shown = await api.get(`/api/v1/requests/${renewal.body().data.code}`)
    shown.assertStatus(200)
    const shownPrevious = shown.body().data.previousGrant
    assert.equal(shownPrevious.code, previous.code)
    assert.equal(shownPrevious.requestCode, previous.requestCode)
    assert.equal(shownPrevious.status, 'active')
    assert.deepEqual(shownPrevious.datasets[0].fields, previous.datasets[0].fields)
    assert.equal(shownPrevious.datasets[0].name, '空气质量小时数据（分站点AQI）')
    assert.isArray(shownPrevious.decisions)

    const first = await api.get(`/api/v1/requests/${previous.requestCode}`)
    assert.isNull(first.body().data.previousGrant)
  })

  test("someone else's grant cannot be renewed, nor guessed", async ({ client, assert }) => {
    const previous = await grantThroughRequest(client)
    const other = await as(client, 'enterprise')
    for (const previousGrantId of [previous.id, 999999]) {
      const response = await other.post('/api/v1/requests', requestBody({ previousGrantId }))
      response.assertStatus(422)
      assert.equal(response.body().error.details[0].field, 'previousGrantId')
    }
    const wrongType = await other.post('/api/v1/requests', requestBody({ previousGrantId: 'x' }))
    wrongType.assertStatus(422)
  })
})
