import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { isolate } from '#tests/helpers'
import { HIDDEN, OPEN } from '#tests/functional/public_data/fixtures'
import { grantThroughRequest, setupDelivery } from './fixtures.js'
import { GEOJSON, usageRows, visual, visualGrant } from './visual_fixtures.js'
import { MAX_FEATURES } from '#actions/delivery/visual_geojson'

/*
 * Map points: the latest granted row per station, placed with the air-station base store's
 * coordinates (an open dataset, so only its open/public rows place a point).
 */
async function stations() {
  const station = (code: string, name: string, lon: number, lat: number, labels: object) => ({
    station_code: code,
    station_name: name,
    station_type: '国控',
    district_code: '420102',
    district_name: '江岸区',
    longitude: lon,
    latitude: lat,
    established_on: '2010-01-01',
    ...labels,
  })
  await db
    .table('air_stations')
    .multiInsert([
      station('AS001', '汉口花桥', 114.3, 30.62, OPEN),
      station('AS002', '武昌紫阳', 114.31, 30.53, OPEN),
      station('AS003', '青山钢花', 114.38, 30.63, HIDDEN[0]),
    ])
}

const byId = (body: any) => Object.fromEntries(body.features.map((f: any) => [f.id, f]))

test.group('Delivery · visual query map points', (group) => {
  isolate(group)
  group.each.setup(async () => {
    await setupDelivery()
    await stations()
  })

  test('latest granted row per station with base-store coordinates', async ({ client, assert }) => {
    const grant = await visualGrant(client)
    const response = await visual(client, GEOJSON, `grantId=${grant.id}`)
    response.assertStatus(200)
    const body = response.body()
    assert.equal(body.type, 'FeatureCollection')
    const features = byId(body)
    assert.sameMembers(Object.keys(features), ['AS001', 'AS002', 'AS003'])
    assert.deepEqual(features.AS001, {
      type: 'Feature',
      id: 'AS001',
      geometry: { type: 'Point', coordinates: [114.3, 30.62] },
      properties: {
        station_code: 'AS001',
        name: '汉口花桥',
        observed_at: '2026-01-01T03:00:00Z',
        pm25: 23,
      },
    })
    // AS003's 03:00 row is sensitive: its latest granted row is 02:00.
    assert.equal(features.AS003.properties.observed_at, '2026-01-01T02:00:00Z')
    assert.equal(features.AS003.properties.pm25, 42)
    // Its station row is internal, not open data: no position, no name.
    assert.isNull(features.AS003.geometry)
    assert.isNull(features.AS003.properties.name)
    assert.deepInclude(body.meta, { keyField: 'station_code', features: 3, located: 2 })

    const rows = await usageRows()
    assert.deepInclude(rows[0], { grant_id: grant.id, rows: 3, result: 'success' })
  })

  test('row scope, filters and fields follow the grant', async ({ client, assert }) => {
    const scoped = await visualGrant(client, 'applicant', { rowScope: 'district_code=420107' })
    const only = await visual(client, GEOJSON, `grantId=${scoped.id}`)
    assert.deepEqual(
      only.body().features.map((f: any) => f.id),
      ['AS003']
    )
    const outside = await visual(client, GEOJSON, `grantId=${scoped.id}&station_code=AS001`)
    assert.lengthOf(outside.body().features, 0)
    const earlier = await visual(client, GEOJSON, `grantId=${scoped.id}&to=2026-01-01T09:00:00`)
    assert.equal(earlier.body().features[0].properties.observed_at, '2026-01-01T00:00:00Z')

    const chartOnly = await visual(client, GEOJSON, `grantId=${scoped.id}&bucket=day`)
    chartOnly.assertStatus(422)
    assert.equal(chartOnly.body().error.code, 'E_UNKNOWN_FIELDS')

    const denied = await visual(client, GEOJSON, `grantId=${scoped.id}&measures=pm10`)
    denied.assertStatus(403)
    assert.equal(denied.body().error.code, 'E_FIELDS_NOT_GRANTED')
    const rows = await usageRows()
    assert.deepEqual(
      rows.map((r: any) => [r.rows, r.result]),
      [
        [1, 'success'],
        [0, 'success'],
        [1, 'success'],
        [0, 'denied'],
        [0, 'denied'],
      ]
    )
  })

  test('more features than the cap is 422, not a truncated map', async ({ client, assert }) => {
    const rows = Array.from({ length: MAX_FEATURES }, (_, i) => ({
      station_code: `X${String(i).padStart(5, '0')}`,
      observed_at: '2026-01-01 00:00:00',
      district_code: '420102',
      pm25: 10,
      ...OPEN,
    }))
    for (let i = 0; i < rows.length; i += 250)
      await db.table('air_quality_hourly').multiInsert(rows.slice(i, i + 250))
    const grant = await visualGrant(client)
    const response = await visual(client, GEOJSON, `grantId=${grant.id}`)
    response.assertStatus(422)
    assert.equal(response.body().error.code, 'E_VISUAL_TOO_MANY_FEATURES')
    const narrowed = await visual(
      client,
      GEOJSON,
      `grantId=${grant.id}&station_code[in]=AS001,X00001`
    )
    assert.lengthOf(narrowed.body().features, 2)
  })

  test("someone else's grant is 404; a grant without the mode is 403", async ({
    client,
    assert,
  }) => {
    const grant = await visualGrant(client)
    const foreign = await visual(client, GEOJSON, `grantId=${grant.id}`, 'enterprise')
    foreign.assertStatus(404)
    const apiOnly = await grantThroughRequest(client)
    const wrongMode = await visual(client, GEOJSON, `grantId=${apiOnly.id}`)
    wrongMode.assertStatus(403)
    assert.equal(wrongMode.body().error.code, 'E_MODE_NOT_GRANTED')
  })
})
