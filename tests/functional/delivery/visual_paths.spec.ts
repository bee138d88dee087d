import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { isolate } from '#tests/helpers'
import { HIDDEN, OPEN } from '#tests/functional/public_data/fixtures'
import { GRANTED_FIELDS, setupDelivery } from './fixtures.js'
import { AGGREGATE, usageRows, visual, visualGrant } from './visual_fixtures.js'

/*
 * The two ways an aggregate is computed must agree: without percentiles the database groups
 * (SQL), with one every scoped row is streamed and summarised in Node. Asking the same query
 * with and without p50 runs both paths; every other statistic must come out identical.
 * On top of the hourly fixture: NULL measures, rows either side of China-time midnight and
 * month end, decimals, and rows outside the grant's labels that neither path may count.
 */
const MEASURES = ['pm25', 'pm10', 'co', 'o3']
const SQL_STATS = 'count,min,avg,max,exceed'

async function edgeRows() {
  const row = (station: string, at: string, values: object, labels: object = OPEN) => ({
    station_code: station,
    observed_at: at,
    district_code: station === 'AS003' ? '420107' : '420102',
    pm25: null,
    pm10: null,
    so2: 8,
    no2: 30,
    co: null,
    o3: null,
    o3_8h: 35,
    aqi: 50,
    aqi_level: 1,
    primary_pollutant: null,
    ...values,
    ...labels,
  })
  await db.table('air_quality_hourly').multiInsert([
    // 23:00 and 00:00 China time around 1→2 January, and around 31 January → 1 February.
    row('AS001', '2026-01-01 15:00:00', { pm25: 80, pm10: 160, co: 0.7, o3: 210 }),
    row('AS001', '2026-01-01 16:00:00', { pm25: 90, co: 1.1 }),
    row('AS002', '2026-01-31 15:59:59', { pm25: 76, pm10: 151, co: 0.3 }),
    row('AS002', '2026-01-31 16:00:00', { pm10: 149, co: 0.1, o3: 201 }),
    // Only NULLs: the cell has rows but no value, so no point.
    row('AS003', '2026-01-05 04:00:00', {}),
    // Outside the grant's labels: larger than anything, they would show in max and exceed.
    row('AS001', '2026-01-01 17:00:00', { pm25: 999, pm10: 999, co: 99, o3: 999 }, HIDDEN[2]),
    row('AS003', '2026-01-31 16:00:00', { pm25: 998, pm10: 998, co: 98, o3: 998 }, HIDDEN[2]),
  ])
}

/** Decimal (double) measures: their avg is a floating-point sum whose rounding depends on order. */
const DECIMAL = ['co']

/** The series without p50 and, for decimal measures, without avg (compared apart). */
function comparable(body: any, drop: string[]) {
  return body.data.series.map((s: any) => ({
    ...s,
    points: s.points.map((point: any) =>
      Object.fromEntries(
        Object.entries(point).filter(
          ([stat]) => !drop.includes(stat) && !(stat === 'avg' && DECIMAL.includes(s.measure))
        )
      )
    ),
  }))
}

/*
 * Integer measures' sums are exact, so their averages are identical. A double's sum is rounded
 * at each addition and neither database promises an order inside a group (SQLite's SUM is
 * also compensated), so the two averages may differ in the last binary digit.
 */
function assertDecimalAverages(assert: any, sql: any, streamed: any, label: string) {
  const averages = (body: any) =>
    body.data.series
      .filter((s: any) => DECIMAL.includes(s.measure))
      .flatMap((s: any) => s.points.map((p: any) => p.avg))
  const expected = averages(streamed)
  const actual = averages(sql)
  assert.lengthOf(actual, expected.length, label)
  actual.forEach((avg: number, i: number) =>
    assert.closeTo(avg, expected[i], Math.abs(expected[i]) * 1e-12, label)
  )
}

test.group('Delivery · visual query: SQL and streamed aggregates agree', (group) => {
  isolate(group)
  group.each.setup(async () => {
    await setupDelivery()
    await edgeRows()
  })

  test('every bucket and grouping, NULLs, midnight and month edges, rows outside the scope', async ({
    client,
    assert,
  }) => {
    const grant = await visualGrant(client, 'applicant', {
      fields: [...GRANTED_FIELDS, 'pm10', 'co', 'o3'],
    })
    const logged: number[] = []
    for (const bucket of ['hour', 'day', 'month'])
      for (const groupBy of ['', 'district', 'station']) {
        // Hours over the whole month would pass the 5 000-point cap: the first two China days.
        const range = bucket === 'hour' ? '&to=2026-01-03' : ''
        const query = `grantId=${grant.id}&bucket=${bucket}&measures=${MEASURES}${range}${groupBy ? `&groupBy=${groupBy}` : ''}`
        const sql = await visual(client, AGGREGATE, `${query}&stats=${SQL_STATS}`)
        const streamed = await visual(client, AGGREGATE, `${query}&stats=${SQL_STATS},p50`)
        sql.assertStatus(200)
        streamed.assertStatus(200)
        logged.push(sql.body().meta.rows, streamed.body().meta.rows)
        const label = `${bucket} × ${groupBy || 'none'}`
        assert.deepEqual(comparable(sql.body(), []), comparable(streamed.body(), ['p50']), label)
        assertDecimalAverages(assert, sql.body(), streamed.body(), label)
        assert.deepEqual(sql.body().data.buckets, streamed.body().data.buckets, label)
        assert.deepEqual(sql.body().meta, streamed.body().meta, label)
        // 11 fixture rows in scope + 5 edge rows (2 of them before 3 January China time).
        assert.equal(sql.body().meta.rows, bucket === 'hour' ? 13 : 16, label)
      }

    const day = await visual(
      client,
      AGGREGATE,
      `grantId=${grant.id}&bucket=day&groupBy=station&measures=pm25,co&stats=${SQL_STATS}`
    )
    const as1 = day.body().data.series.filter((s: any) => s.group === 'AS001')
    // AS001's 23:00 China time is on 1 January with the fixture's 20–23, its 00:00 on the 2nd.
    assert.deepEqual(as1[0].points, [
      { bucket: '2026-01-01', count: 5, min: 20, avg: 33.2, max: 80, exceed: 1 },
      { bucket: '2026-01-02', count: 1, min: 90, avg: 90, max: 90, exceed: 1 },
    ])
    // co: the fixture's four 0.8 and the 0.7 on the 1st; 1.1 on the 2nd (the 99 is sensitive).
    assert.equal(as1[1].points[0].count, 5)
    assert.closeTo(as1[1].points[0].avg, 0.78, 1e-12)
    assert.equal(as1[1].points[0].max, 0.8)
    // AS003: no value on 5 January (only NULLs), so no point there.
    const as3 = day.body().data.series.find((s: any) => s.group === 'AS003' && s.measure === 'pm25')
    assert.deepEqual(
      as3.points.map((p: any) => p.bucket),
      ['2026-01-01']
    )

    const month = await visual(
      client,
      AGGREGATE,
      `grantId=${grant.id}&bucket=month&groupBy=station&measures=pm10&stats=count,max,exceed`
    )
    // AS002's 60–66 and 151 at 23:59:59 China time on 31 January; 16:00 UTC is February.
    const as2 = month.body().data.series.find((s: any) => s.group === 'AS002')
    assert.deepEqual(as2.points, [
      { bucket: '2026-01', count: 5, max: 151, exceed: 1 },
      { bucket: '2026-02', count: 1, max: 149, exceed: 0 },
    ])

    const usage = await usageRows()
    assert.deepEqual(
      usage.slice(0, logged.length).map((u: any) => Number(u.rows)),
      logged
    )
  })

  test('map points where the store has no (key, time) index: the grouped latest time', async ({
    client,
    assert,
  }) => {
    // Water sections are keyed (section, period, date): no index to walk, so max(date) per key.
    const row = (section: string, date: string, cod: number, labels: object = OPEN) => ({
      section_code: section,
      period_type: 'monthly',
      sampled_on: date,
      district_code: '420102',
      cod,
      ...labels,
    })
    await db
      .table('water_quality')
      .multiInsert([
        row('WS001', '2026-01-01', 15),
        row('WS001', '2026-02-01', 18),
        row('WS002', '2026-01-01', 12),
        row('WS002', '2026-02-01', 40, HIDDEN[2]),
      ])
    const grant = await visualGrant(client, 'applicant', {
      datasets: ['EQ-SW-002'],
      fields: ['section_code', 'period_type', 'sampled_on', 'cod'],
    })
    const response = await visual(
      client,
      '/api/v1/visual/EQ-SW-002/geojson',
      `grantId=${grant.id}&measures=cod`
    )
    response.assertStatus(200)
    // WS002's sensitive February sample is outside the grant: its January one is the latest.
    assert.deepEqual(
      response.body().features.map((f: any) => [f.id, f.properties.sampled_on, f.properties.cod]),
      [
        ['WS001', '2026-02-01', 18],
        ['WS002', '2026-01-01', 12],
      ]
    )
  })
})
