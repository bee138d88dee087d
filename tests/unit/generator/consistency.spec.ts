import { test } from '@japa/runner'
import { aqi } from '#services/standards/aqi'
import {
  assessCompliance,
  classifyWater,
  type TargetClass,
  type WaterBody,
} from '#services/standards/water_quality'
import { isValidCreditCode } from '#services/credit_code'
import { hourlyAqi, primaryLabel } from '#database/generator/air'
import { generated } from '#tests/unit/generator/generator_fixture'

test.group('Demo generator · standards consistency', () => {
  test('hourly AQI, level and primary pollutant are HJ 633 of the row’s own concentrations', async ({
    assert,
  }) => {
    const rows = (await generated(7)).rows('air_quality_hourly')
    assert.isAbove(rows.length, 40 * 24 * 20)
    for (const row of rows) {
      const expected = hourlyAqi(row as any)
      assert.equal(row.aqi, expected.aqi)
      assert.equal(row.aqi_level, expected.band.level)
      assert.equal(row.primary_pollutant, primaryLabel(expected.primaryPollutants))
    }
  }).timeout(60_000)

  test('daily report AQI matches its 24 h means; winter days are dominated by PM2.5', async ({
    assert,
  }) => {
    const rows = (await generated(7)).rows('air_quality_daily')
    for (const row of rows) {
      const expected = aqi(
        {
          'PM2.5': row.pm25 as number,
          'PM10': row.pm10 as number,
          'SO2': row.so2 as number,
          'NO2': row.no2 as number,
          'CO': row.co as number,
          'O3_8h': row.o3_8h as number,
        },
        { mode: 'daily' }
      )
      // O3 1 h max is an input too, so the stored AQI can only be higher than the one without it.
      assert.isAtLeast(row.aqi as number, expected.aqi)
    }
    const city = rows.filter((row) => row.area_code === '420100')
    const pm25Days = city.filter((row) =>
      String(row.primary_pollutant ?? '').includes('PM2.5')
    ).length
    assert.isAbove(pm25Days, city.length / 2)
  }).timeout(60_000)

  test('water classes and compliance follow GB 3838 for the row’s own values', async ({
    assert,
  }) => {
    const sink = await generated(7)
    const sections = new Map(
      sink.rows('water_sections').map((s) => [s.section_code, s.water_body_type as WaterBody])
    )
    for (const row of sink.rows('water_quality')) {
      const sample = {
        ph: row.ph,
        do: row.dissolved_oxygen,
        codmn: row.codmn,
        cod: row.cod,
        bod5: row.bod5,
        nh3n: row.nh3n,
        tp: row.tp,
      } as Record<string, number>
      const body = sections.get(row.section_code as string)!
      assert.equal(row.water_class, classifyWater(sample, { waterBody: body }).waterClass)
      assert.equal(
        row.compliant === 1,
        assessCompliance(sample, row.target_class as TargetClass, { waterBody: body }).compliant
      )
    }
  }).timeout(60_000)

  test('online monitoring: HJ 212 flags, exceedances only on valid data above the limit', async ({
    assert,
  }) => {
    const sink = await generated(7)
    const rows = sink.rows('online_monitoring')
    const flags = new Set(rows.map((row) => row.flag))
    assert.includeMembers([...flags], ['N', 'M', 'F'])
    assert.isTrue([...flags].every((flag) => 'NFMSDCTB'.includes(flag as string)))
    assert.isAbove(rows.filter((row) => row.flag === 'N').length / rows.length, 0.9)
    for (const row of rows) {
      const valid = row.flag === 'N' || row.flag === 'T'
      assert.equal(
        row.exceeded === 1,
        valid && (row.avg_value as number) > (row.limit_value as number)
      )
    }
    const exceeded = rows.filter((row) => row.exceeded === 1).length
    assert.equal(sink.rows('online_exceedances').length, exceeded)
    assert.isAbove(exceeded, 0)
  }).timeout(60_000)

  test('enterprises carry valid unified social credit codes (GB 32100)', async ({ assert }) => {
    const enterprises = (await generated(7)).rows('enterprises')
    assert.isTrue(enterprises.every((row) => isValidCreditCode(row.credit_code as string)))
    assert.equal(new Set(enterprises.map((row) => row.credit_code)).size, enterprises.length)
  }).timeout(60_000)
})
