import { test } from '@japa/runner'
import {
  bucketOf,
  bucketSpan,
  makeBucketer,
  percentile,
  summarise,
} from '#services/visual/visual_stats'
import { EXCEEDANCE_LIMITS } from '#services/standards/exceedance_limits'

/*
 * The statistics behind the visual query's charts, checked against values worked by hand
 * (and against numpy.percentile's default, which uses the same interpolation).
 */
test.group('Visual query · statistics', () => {
  test('percentiles interpolate between closest ranks (PERCENTILE_CONT)', ({ assert }) => {
    const sorted = [15, 20, 35, 40, 50]
    // numpy.percentile([15,20,35,40,50], [0, 25, 40, 50, 90, 100]) → 15, 20, 29, 35, 46, 50
    assert.equal(percentile(sorted, 0), 15)
    assert.equal(percentile(sorted, 0.25), 20)
    assert.closeTo(percentile(sorted, 0.4), 29, 1e-9)
    assert.equal(percentile(sorted, 0.5), 35)
    assert.closeTo(percentile(sorted, 0.9), 46, 1e-9)
    assert.equal(percentile(sorted, 1), 50)
    assert.equal(percentile([7], 0.95), 7)
  })

  test('summarise sorts for percentiles, counts exceedances in the right direction', ({
    assert,
  }) => {
    const values = [50, 15, 40, 35, 20]
    const out = summarise(values, ['count', 'min', 'avg', 'max', 'p50', 'exceed'], {
      value: 35,
      direction: 'above',
    })
    assert.deepEqual(out, { count: 5, min: 15, avg: 32, max: 50, p50: 35, exceed: 2 })
    assert.deepEqual(values, [50, 15, 40, 35, 20], 'input left unsorted')
    assert.equal(summarise([4, 6, 5], ['exceed'], { value: 5, direction: 'below' }).exceed, 1)
    assert.deepEqual(summarise([], ['count', 'avg', 'p90']), { count: 0, avg: null, p90: null })
    assert.isNull(summarise([1], ['exceed']).exceed)
  })

  test('buckets are China-time hours, days and months', ({ assert }) => {
    assert.equal(bucketOf('2026-01-01T15:59:59Z', 'day'), '2026-01-01')
    assert.equal(bucketOf('2026-01-01T16:00:00Z', 'day'), '2026-01-02')
    assert.equal(bucketOf('2026-01-31T16:00:00Z', 'month'), '2026-02')
    assert.equal(bucketOf('2025-12-31T16:30:00Z', 'hour'), '2026-01-01T00:00+08:00')
    // Calendar dates are already the city's days.
    assert.equal(bucketOf('2026-01-31', 'day'), '2026-01-31')
    assert.equal(bucketOf('2026-01-31', 'month'), '2026-01')
  })

  test('the streaming bucketer agrees with bucketOf for SQLite text and MariaDB dates', ({
    assert,
  }) => {
    for (const bucket of ['hour', 'day', 'month'] as const) {
      const fromText = makeBucketer(bucket, 'datetime')
      const fromDate = makeBucketer(bucket, 'datetime')
      // Every 37 minutes across a month end, in time order as the query reads them.
      for (let ms = Date.UTC(2026, 0, 30, 10); ms < Date.UTC(2026, 1, 2, 10); ms += 37 * 60_000) {
        const iso = new Date(ms).toISOString()
        const expected = bucketOf(iso, bucket)
        assert.equal(fromText(iso.slice(0, 19).replace('T', ' ')), expected, iso)
        assert.equal(fromDate(new Date(ms)), expected, iso)
      }
    }
    const days = makeBucketer('month', 'date')
    assert.equal(days('2026-01-31'), '2026-01')
    assert.equal(days(new Date(Date.UTC(2026, 1, 1))), '2026-02')
  })

  test('bucket spans count both ends', ({ assert }) => {
    assert.equal(bucketSpan('2026-01-01T00:00:00Z', '2026-01-01T03:00:00Z', 'hour'), 4)
    assert.equal(bucketSpan('2026-01-01T15:00:00Z', '2026-01-01T16:00:00Z', 'day'), 2)
    assert.equal(bucketSpan('2025-11-20', '2026-02-01', 'month'), 4)
    assert.equal(bucketSpan('2026-03-01', '2026-03-01', 'day'), 1)
  })

  test('limits are the GB 3095-2012 grade II and GB 3838-2002 class III values', ({ assert }) => {
    const hourly = EXCEEDANCE_LIMITS['EQ-AIR-002']
    assert.deepEqual(
      [hourly.so2.value, hourly.no2.value, hourly.co.value, hourly.o3.value, hourly.pm25.value],
      [500, 200, 10, 200, 75]
    )
    const daily = EXCEEDANCE_LIMITS['EQ-AIR-003']
    assert.deepEqual([daily.so2.value, daily.no2.value, daily.pm10.value], [150, 80, 150])
    const water = EXCEEDANCE_LIMITS['EQ-SW-002']
    assert.deepEqual([water.cod.value, water.nh3n.value, water.tp.value], [20, 1, 0.2])
    assert.deepInclude(water.dissolved_oxygen, { value: 5, direction: 'below' })
  })
})
