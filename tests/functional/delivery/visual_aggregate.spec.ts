import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock'
import { isolate } from '#tests/helpers'
import { dailyFixture } from '#tests/functional/public_data/fixtures'
import { as, grantThroughRequest, setupDelivery } from './fixtures.js'
import { AGGREGATE, midnightRows, usageRows, visual, visualGrant } from './visual_fixtures.js'

/*
 * Chart aggregates over the hourly fixture (tests/functional/public_data/fixtures.ts):
 * pm25 = 20 + 10·station + hour; AS001 20–23, AS002 30–33 (the 32 is internal, inside a
 * general grant), AS003 40–42 plus a sensitive 43 that no general grant may count.
 * Expected percentiles by hand, linear interpolation at h = (n − 1)·p.
 */
const ALL = 'stats=count,min,avg,max,p50,p90,p95'
const byGroup = (body: any) =>
  Object.fromEntries(body.data.series.map((s: any) => [s.group, s.points]))

test.group('Delivery · visual query aggregates', (group) => {
  isolate(group)
  group.each.setup(() => setupDelivery())

  test('per station per day: min, avg, max, percentiles and counts by hand', async ({
    client,
    assert,
  }) => {
    const grant = await visualGrant(client)
    const response = await visual(
      client,
      AGGREGATE,
      `grantId=${grant.id}&bucket=day&groupBy=station&measures=pm25&${ALL}`
    )
    response.assertStatus(200)
    const series = byGroup(response.body())
    // [20,21,22,23]: p50 h=1.5 → 21.5; p90 h=2.7 → 22.7; p95 h=2.85 → 22.85.
    assert.deepEqual(series.AS001, [
      {
        bucket: '2026-01-01',
        count: 4,
        min: 20,
        avg: 21.5,
        max: 23,
        p50: 21.5,
        p90: 22.7,
        p95: 22.85,
      },
    ])
    const as2 = series.AS002[0]
    assert.equal(as2.count, 4)
    assert.equal(as2.avg, 31.5)
    assert.closeTo(as2.p90, 32.7, 1e-9)
    // [40,41,42] — the sensitive 43 is not counted: p90 h=1.8 → 41.8, p95 h=1.9 → 41.9.
    const as3 = series.AS003[0]
    assert.deepInclude(as3, { count: 3, min: 40, avg: 41, max: 42, p50: 41 })
    assert.closeTo(as3.p90, 41.8, 1e-9)
    assert.closeTo(as3.p95, 41.9, 1e-9)
    assert.equal(response.body().data.timeZone, 'Asia/Shanghai')
    assert.deepEqual(response.body().data.buckets, ['2026-01-01'])
    assert.equal(response.body().meta.rows, 11)
  })

  test('per district and per hour: buckets are China-time hours', async ({ client, assert }) => {
    const grant = await visualGrant(client)
    const district = await visual(
      client,
      AGGREGATE,
      `grantId=${grant.id}&bucket=day&groupBy=district&measures=pm25&stats=count,p50,p90`
    )
    // 420102 holds AS001 and AS002: 8 values 20–23, 30–33; p50 h=3.5 → 26.5; p90 h=6.3 → 32.3.
    const d = byGroup(district.body())
    assert.equal(d['420102'][0].count, 8)
    assert.closeTo(d['420102'][0].p50, 26.5, 1e-9)
    assert.closeTo(d['420102'][0].p90, 32.3, 1e-9)
    assert.equal(d['420107'][0].count, 3)

    const hourly = await visual(
      client,
      AGGREGATE,
      `grantId=${grant.id}&bucket=hour&measures=pm25&stats=count,max`
    )
    const [whole] = hourly.body().data.series
    assert.isNull(whole.group)
    // 00:00–03:00 UTC are 08:00–11:00 in China; at 11:00 only AS001 (23) and AS002 (33) remain.
    assert.deepEqual(whole.points, [
      { bucket: '2026-01-01T08:00+08:00', count: 3, max: 40 },
      { bucket: '2026-01-01T09:00+08:00', count: 3, max: 41 },
      { bucket: '2026-01-01T10:00+08:00', count: 3, max: 42 },
      { bucket: '2026-01-01T11:00+08:00', count: 2, max: 33 },
    ])
  })

  test('days and months break at midnight China time; exceedances count over GB 3095-2012', async ({
    client,
    assert,
  }) => {
    await midnightRows()
    const grant = await visualGrant(client)
    const daily = await visual(
      client,
      AGGREGATE,
      `grantId=${grant.id}&bucket=day&groupBy=station&measures=pm25&stats=count,max,exceed&station_code=AS001`
    )
    daily.assertStatus(200)
    // 15:00 UTC is 23:00 on 1 January; 16:00 UTC is already 2 January in China.
    assert.deepEqual(byGroup(daily.body()).AS001, [
      { bucket: '2026-01-01', count: 5, max: 80, exceed: 1 },
      { bucket: '2026-01-02', count: 1, max: 90, exceed: 1 },
    ])
    assert.deepInclude(daily.body().data.limits.pm25, { value: 75, unit: 'µg/m³' })
    const monthly = await visual(
      client,
      AGGREGATE,
      `grantId=${grant.id}&bucket=month&measures=pm25&stats=count,exceed`
    )
    assert.deepEqual(monthly.body().data.series[0].points, [
      { bucket: '2026-01', count: 13, exceed: 2 },
    ])
    const window = await visual(
      client,
      AGGREGATE,
      `grantId=${grant.id}&bucket=day&measures=pm25&stats=count&from=2026-01-02&to=2026-01-03`
    )
    assert.deepEqual(window.body().data.series[0].points, [{ bucket: '2026-01-02', count: 1 }])
  })

  test('a daily store: calendar dates bucket as they are, districts by area code', async ({
    client,
    assert,
  }) => {
    await dailyFixture()
    const grant = await visualGrant(client, 'applicant', {
      datasets: ['EQ-AIR-003'],
      fields: ['area_code', 'report_date', 'aqi'],
    })
    const daily = '/api/v1/visual/EQ-AIR-003/aggregate'
    const q = `grantId=${grant.id}&measures=aqi&stats=count,max&groupBy=district`
    const monthly = await visual(client, daily, `${q}&bucket=month`)
    monthly.assertStatus(200)
    assert.equal(monthly.body().data.groupField, 'area_code')
    assert.deepEqual(byGroup(monthly.body()), {
      420100: [{ bucket: '2026-01', count: 2, max: 160 }],
      420102: [{ bucket: '2026-01', count: 1, max: 118 }],
      420117: [{ bucket: '2026-01', count: 1, max: 45 }],
    })
    const days = await visual(client, daily, `${q}&bucket=day&area_code=420100`)
    assert.deepEqual(
      days.body().data.series[0].points.map((p: any) => p.bucket),
      ['2026-01-10', '2026-01-11']
    )
    const hourly = await visual(client, daily, `${q}&bucket=hour`)
    hourly.assertStatus(422)
    assert.deepEqual(hourly.body().error.details, [{ field: 'bucket', rule: 'dailyData' }])
  })

  test('a row-scoped grant counts only its rows, whatever the filters ask', async ({
    client,
    assert,
  }) => {
    const grant = await visualGrant(client, 'applicant', { rowScope: 'district_code=420107' })
    const all = await visual(
      client,
      AGGREGATE,
      `grantId=${grant.id}&bucket=day&groupBy=station&measures=pm25&stats=count,max`
    )
    assert.deepEqual(all.body().data.series, [
      { group: 'AS003', measure: 'pm25', points: [{ bucket: '2026-01-01', count: 3, max: 42 }] },
    ])
    const outside = await visual(
      client,
      AGGREGATE,
      `grantId=${grant.id}&bucket=day&measures=pm25&station_code=AS001`
    )
    outside.assertStatus(200)
    assert.deepEqual(outside.body().data.series, [])
  })

  test('fields outside the grant are 403 by name; bad parameters 422', async ({
    client,
    assert,
  }) => {
    const grant = await visualGrant(client)
    const q = `grantId=${grant.id}&bucket=day`
    for (const [query, field] of [
      [`${q}&measures=pm10`, 'pm10'],
      [`${q}&measures=pm25&so2[gte]=10`, 'so2'],
      [`${q}&measures=pm25&groupBy=station&aqi=40`, 'aqi'],
    ]) {
      const denied = await visual(client, AGGREGATE, query)
      denied.assertStatus(403)
      assert.equal(denied.body().error.code, 'E_FIELDS_NOT_GRANTED')
      assert.deepEqual(denied.body().error.details, [{ field, rule: 'notGranted' }])
    }
    const bad: [string, string][] = [
      [`grantId=${grant.id}&bucket=week&measures=pm25`, 'bucket'],
      [`${q}&measures=station_code`, 'measures'],
      [`${q}&measures=pm25&stats=median`, 'stats'],
      [`${q}&measures=aqi&stats=exceed`, 'stats'],
      [`${q}&measures=pm25&groupBy=enterprise`, 'groupBy'],
      [`${q}&measures=pm25&pm25[gte]=abc`, 'pm25[gte]'],
    ]
    for (const [query, field] of bad) {
      const response = await visual(client, AGGREGATE, query)
      response.assertStatus(422)
      assert.equal(response.body().error.details[0].field, field, query)
    }
    const unknown = await visual(client, AGGREGATE, `${q}&measures=pm25&limit=5`)
    unknown.assertStatus(422)
    assert.equal(unknown.body().error.code, 'E_UNKNOWN_FIELDS')
  })

  test('expired and revoked grants, grants without the mode or dataset, unknown datasets are refused', async ({
    client,
    assert,
  }) => {
    const grant = await visualGrant(client)
    const q = `grantId=${grant.id}&bucket=day&measures=pm25`
    ;(await visual(client, AGGREGATE, q)).assertStatus(200)
    clock.travel({ days: 40 })
    const expired = await visual(client, AGGREGATE, q)
    expired.assertStatus(403)
    assert.equal(expired.body().error.code, 'E_GRANT_EXPIRED')
    clock.reset()

    const officer = await as(client, 'secofficer')
    ;(await officer.post(`/api/v1/grants/${grant.id}/revoke`, { reason: '用途变更' })).assertStatus(
      200
    )
    const revoked = await visual(client, AGGREGATE, q)
    revoked.assertStatus(403)
    assert.equal(revoked.body().error.code, 'E_GRANT_REVOKED')

    const apiOnly = await grantThroughRequest(client)
    const wrongMode = await visual(
      client,
      AGGREGATE,
      `grantId=${apiOnly.id}&bucket=day&measures=pm25`
    )
    wrongMode.assertStatus(403)
    assert.equal(wrongMode.body().error.code, 'E_MODE_NOT_GRANTED')

    const otherDataset = await visual(
      client,
      '/api/v1/visual/EQ-AIR-003/aggregate',
      `grantId=${apiOnly.id}&bucket=day&measures=aqi`
    )
    otherDataset.assertStatus(403)
    assert.equal(otherDataset.body().error.code, 'E_DATASET_NOT_GRANTED')
    const missing = await visual(client, '/api/v1/visual/NO-SUCH-1/aggregate', q)
    missing.assertStatus(404)
    assert.equal(missing.body().error.code, 'E_DATASET_NOT_FOUND')
  })

  test("another user's grant id is 404, like a missing one", async ({ client, assert }) => {
    const grantA = await visualGrant(client, 'applicant')
    for (const id of [grantA.id, 999999]) {
      const response = await visual(
        client,
        AGGREGATE,
        `grantId=${id}&bucket=day&measures=pm25`,
        'enterprise'
      )
      response.assertStatus(404)
      assert.equal(response.body().error.code, 'E_GRANT_NOT_FOUND')
    }
    ;(await client.get(`${AGGREGATE}?grantId=${grantA.id}&bucket=day&measures=pm25`)).assertStatus(
      401
    )
  })

  test('every call leaves a usage row with the rows aggregated; quotas apply', async ({
    client,
    assert,
  }) => {
    const grant = await visualGrant(client)
    const q = `grantId=${grant.id}&bucket=day&measures=pm25`
    ;(await visual(client, AGGREGATE, q)).assertStatus(200)
    ;(await visual(client, AGGREGATE, `${q}&so2=1`)).assertStatus(403)
    const rows = await usageRows()
    assert.lengthOf(rows, 2)
    assert.deepInclude(rows[0], {
      grant_id: grant.id,
      dataset_code: 'EQ-AIR-002',
      rows: 11,
      result: 'success',
    })
    assert.deepInclude(rows[1], { rows: 0, result: 'denied', error_code: 'E_FIELDS_NOT_GRANTED' })

    // 11 used of 15 today: a call over the 11 rows in scope would pass the quota, so it is refused.
    await db.from('grants').where('id', grant.id).update({ rows_per_day: 15 })
    const over = await visual(client, AGGREGATE, q)
    over.assertStatus(429)
    assert.equal(over.body().error.code, 'E_QUOTA_EXCEEDED')
    assert.isAbove(Number(over.header('retry-after')), 0)
    ;(await visual(client, AGGREGATE, `${q}&station_code=AS001`)).assertStatus(200)
  })

  test('too many buckets × groups is 422 with the figures', async ({ client, assert }) => {
    await midnightRows()
    await db
      .from('air_quality_hourly')
      .where('station_code', 'AS001')
      .where('observed_at', '2026-01-01 16:00:00')
      .update({ observed_at: '2026-12-31 16:00:00' })
    const grant = await visualGrant(client)
    // 1 January 08:00 to 1 January 2027 00:00 China time: 8753 hours (364 days + 17 h) × 3 stations.
    const response = await visual(
      client,
      AGGREGATE,
      `grantId=${grant.id}&bucket=hour&groupBy=station&measures=pm25`
    )
    response.assertStatus(422)
    assert.equal(response.body().error.code, 'E_VISUAL_TOO_MANY_POINTS')
    assert.include(response.body().error.message, '8753 个时间段 × 3 个分组 × 1 个指标 = 26259')
    const daily = await visual(
      client,
      AGGREGATE,
      `grantId=${grant.id}&bucket=day&groupBy=station&measures=pm25`
    )
    daily.assertStatus(200)
    assert.lengthOf(daily.body().data.buckets, 2)
  })
})
