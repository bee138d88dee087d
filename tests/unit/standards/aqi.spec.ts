import { test } from '@japa/runner'
import {
  aqi,
  aqiBand,
  iaqi,
  BreakpointTableExceededError,
  InvalidConcentrationError,
  MissingConcentrationsError,
  UnknownIndicatorError,
  UnsupportedAveragingError,
  type Averaging,
  type Pollutant,
} from '../../../app/services/standards/aqi.js'

const IAQI = [0, 50, 100, 150, 200, 300, 400, 500]

// Copied from HJ 633-2012 Table 1 independently of the source, so a typo there fails here.
const TABLES: [Pollutant, Averaging, number[]][] = [
  ['PM2.5', '24h', [0, 35, 75, 115, 150, 250, 350, 500]],
  ['PM10', '24h', [0, 50, 150, 250, 350, 420, 500, 600]],
  ['SO2', '24h', [0, 50, 150, 475, 800, 1600, 2100, 2620]],
  ['NO2', '24h', [0, 40, 80, 180, 280, 565, 750, 940]],
  ['CO', '24h', [0, 2, 4, 14, 24, 36, 48, 60]],
  ['O3', '8h', [0, 100, 160, 215, 265, 800]],
  ['SO2', '1h', [0, 150, 500, 650, 800]],
  ['NO2', '1h', [0, 100, 200, 700, 1200, 2340, 3090, 3840]],
  ['CO', '1h', [0, 5, 10, 35, 60, 90, 120, 150]],
  ['O3', '1h', [0, 160, 200, 300, 400, 800, 1000, 1200]],
]

test.group('AQI | IAQI at every breakpoint', () => {
  for (const [pollutant, averaging, breakpoints] of TABLES) {
    breakpoints.forEach((concentration, index) => {
      test(`${pollutant} ${averaging} at ${concentration} is IAQI ${IAQI[index]}`, ({ assert }) => {
        assert.strictEqual(iaqi(pollutant, concentration, averaging), IAQI[index])
      })

      // Catches a breakpoint that is off by a little, which ceil alone would hide.
      if (index === breakpoints.length - 1) return
      const justAbove = Number((concentration + 0.01).toFixed(2))
      test(`${pollutant} ${averaging} at ${justAbove} is IAQI ${IAQI[index] + 1}`, ({ assert }) => {
        assert.strictEqual(iaqi(pollutant, justAbove, averaging), IAQI[index] + 1)
      })
    })
  }
})

test.group('AQI | IAQI between breakpoints rounds up', () => {
  test('PM2.5 35.1 µg/m³ is 51, just past the 良 boundary', ({ assert }) => {
    assert.strictEqual(iaqi('PM2.5', 35.1, '24h'), 51)
  })

  test('PM2.5 34.9 µg/m³ is 50 (49.86 rounded up)', ({ assert }) => {
    assert.strictEqual(iaqi('PM2.5', 34.9, '24h'), 50)
  })

  test('PM2.5 55 µg/m³ is exactly 75 (midpoint, no rounding)', ({ assert }) => {
    assert.strictEqual(iaqi('PM2.5', 55, '24h'), 75)
  })

  test('PM10 50.5 µg/m³ is 51 (50.25 rounded up)', ({ assert }) => {
    assert.strictEqual(iaqi('PM10', 50.5, '24h'), 51)
  })

  test('SO2 24 h 151 µg/m³ is 101 (100.15 rounded up)', ({ assert }) => {
    assert.strictEqual(iaqi('SO2', 151, '24h'), 101)
  })

  test('NO2 1 h 150 µg/m³ is 75', ({ assert }) => {
    assert.strictEqual(iaqi('NO2', 150, '1h'), 75)
  })

  test('CO 24 h 2.1 mg/m³ is 53 (52.5 rounded up)', ({ assert }) => {
    assert.strictEqual(iaqi('CO', 2.1, '24h'), 53)
  })

  test('O3 8 h 300 µg/m³ is 207 (206.54 rounded up)', ({ assert }) => {
    assert.strictEqual(iaqi('O3', 300, '8h'), 207)
  })

  // Naive float arithmetic gives 55.00000000000001 / 7.000000000000001 / 404.00000000000006.
  test('exact integer results are not pushed up by float noise', ({ assert }) => {
    assert.strictEqual(iaqi('CO', 2.2, '24h'), 55)
    assert.strictEqual(iaqi('PM2.5', 4.9, '24h'), 7)
    assert.strictEqual(iaqi('SO2', 2120.8, '24h'), 404)
    assert.strictEqual(iaqi('O3', 160.8, '1h'), 51)
  })
})

test.group('AQI | beyond the tables and invalid input', () => {
  test('above the top breakpoint the IAQI is capped at 500', ({ assert }) => {
    assert.strictEqual(iaqi('PM2.5', 500.1, '24h'), 500)
    assert.strictEqual(iaqi('PM2.5', 900, '24h'), 500)
    assert.strictEqual(iaqi('SO2', 3000, '24h'), 500)
    assert.strictEqual(iaqi('O3', 1500, '1h'), 500)
  })

  test('SO2 1 h above 800 is redirected to the 24 h value by throwing', ({ assert }) => {
    assert.throws(() => iaqi('SO2', 800.1, '1h'), BreakpointTableExceededError)
  })

  test('O3 8 h above 800 is redirected to the 1 h value by throwing', ({ assert }) => {
    assert.throws(() => iaqi('O3', 801, '8h'), BreakpointTableExceededError)
  })

  test('pairs without a table are rejected', ({ assert }) => {
    assert.throws(() => iaqi('PM2.5', 10, '1h'), UnsupportedAveragingError)
    assert.throws(() => iaqi('O3', 10, '24h'), UnsupportedAveragingError)
    assert.throws(() => iaqi('CO', 1, '8h'), UnsupportedAveragingError)
  })

  for (const bad of [-0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
    test(`concentration ${bad} is rejected`, ({ assert }) => {
      assert.throws(() => iaqi('PM10', bad, '24h'), InvalidConcentrationError)
      assert.throws(() => aqi({ PM10: bad }), InvalidConcentrationError)
    })
  }
})

test.group('AQI | bands', () => {
  const cases: [number, number, string, string, string][] = [
    [0, 1, '一级', '优', 'green'],
    [50, 1, '一级', '优', 'green'],
    [51, 2, '二级', '良', 'yellow'],
    [100, 2, '二级', '良', 'yellow'],
    [101, 3, '三级', '轻度污染', 'orange'],
    [150, 3, '三级', '轻度污染', 'orange'],
    [151, 4, '四级', '中度污染', 'red'],
    [200, 4, '四级', '中度污染', 'red'],
    [201, 5, '五级', '重度污染', 'purple'],
    [300, 5, '五级', '重度污染', 'purple'],
    [301, 6, '六级', '严重污染', 'maroon'],
    [500, 6, '六级', '严重污染', 'maroon'],
  ]
  for (const [value, level, levelName, category, colour] of cases) {
    test(`AQI ${value} is ${levelName} ${category}`, ({ assert }) => {
      const band = aqiBand(value)
      assert.deepInclude(band, { level, levelName, category, colour })
    })
  }

  test('bands carry English names and the standard RGB colours', ({ assert }) => {
    assert.deepInclude(aqiBand(120), { categoryEn: 'Lightly polluted', colourHex: '#FF7E00' })
    assert.deepInclude(aqiBand(350), { categoryEn: 'Severely polluted', colourHex: '#7E0023' })
  })
})

test.group('AQI | aggregate and primary pollutant', () => {
  test('AQI is the largest IAQI and its pollutant is primary', ({ assert }) => {
    const result = aqi({ 'PM2.5': 80, 'PM10': 120, 'SO2': 10, 'NO2': 30, 'CO': 0.8, 'O3_8h': 90 })
    assert.strictEqual(result.aqi, 107)
    assert.deepEqual(result.primaryPollutants, ['PM2.5'])
    assert.deepEqual(result.exceedingPollutants, ['PM2.5'])
    assert.strictEqual(result.band.category, '轻度污染')
    assert.deepEqual(result.iaqi, {
      'PM2.5': 107,
      'PM10': 85,
      'SO2': 10,
      'NO2': 38,
      'CO': 20,
      'O3_8h': 45,
    })
  })

  test('a tie gives several primary pollutants', ({ assert }) => {
    const result = aqi({ 'PM2.5': 75, 'PM10': 150, 'NO2': 80 })
    assert.strictEqual(result.aqi, 100)
    assert.sameMembers(result.primaryPollutants, ['PM2.5', 'PM10', 'NO2'])
    assert.deepEqual(result.exceedingPollutants, [])
  })

  test('AQI of 50 or less has no primary pollutant', ({ assert }) => {
    assert.deepEqual(aqi({ 'PM2.5': 35, 'PM10': 50 }).primaryPollutants, [])
    assert.deepEqual(aqi({ 'PM2.5': 10 }).primaryPollutants, [])
  })

  test('AQI of 51 names its primary pollutant', ({ assert }) => {
    const result = aqi({ 'PM2.5': 20, 'O3_8h': 101 })
    assert.strictEqual(result.aqi, 51)
    assert.deepEqual(result.primaryPollutants, ['O3_8h'])
  })

  test('daily mode uses 24 h tables, hourly mode the 1 h tables', ({ assert }) => {
    assert.strictEqual(aqi({ SO2: 150 }).aqi, 100)
    assert.strictEqual(aqi({ SO2: 150 }, { mode: 'hourly' }).aqi, 50)
    assert.strictEqual(aqi({ CO: 10 }, { mode: 'hourly' }).aqi, 100)
    assert.strictEqual(aqi({ NO2: 200 }, { mode: 'hourly' }).aqi, 100)
  })

  test('hourly SO2 above 800 uses the supplied 24 h average', ({ assert }) => {
    const result = aqi({ SO2: 900 }, { mode: 'hourly', so2DailyAverage: 475 })
    assert.strictEqual(result.iaqi.SO2, 150)
  })

  test('hourly SO2 above 800 without a 24 h average is refused', ({ assert }) => {
    assert.throws(() => aqi({ SO2: 900 }, { mode: 'hourly' }), BreakpointTableExceededError)
  })

  test('O3 8 h above 800 takes the O3 1 h IAQI', ({ assert }) => {
    const result = aqi({ O3_8h: 850, O3_1h: 1000 })
    assert.strictEqual(result.iaqi.O3_8h, 400)
    assert.sameMembers(result.primaryPollutants, ['O3_8h', 'O3_1h'])
    assert.throws(() => aqi({ O3_8h: 850 }), BreakpointTableExceededError)
  })

  test('unknown indicators and empty input are rejected', ({ assert }) => {
    assert.throws(() => aqi({ O3: 100 } as never), UnknownIndicatorError)
    assert.throws(() => aqi({}), MissingConcentrationsError)
  })
})
