import { aqi, type AqiIndicator } from '#services/standards/aqi'
import type { GeneratorContext } from '#database/generator/context'
import type { Climate } from '#database/generator/climate'
import { CITY_AREA, DISTRICT_MODELS, type Station } from '#database/generator/city_model'
import type { Rng } from '#database/generator/random'
import {
  cstDate,
  cstHour,
  dayOfYear,
  DAY_MS,
  HOUR_MS,
  sqlDateTime,
  winterness,
} from '#database/generator/time'

/*
 * Hourly air quality per station and the daily report materialised from it. Concentrations
 * follow the season (winter PM2.5, summer O3), the hour (traffic NO2 peaks, afternoon O3),
 * the district profile and the shared climate; AQI and primary pollutant come from HJ 633.
 */
export interface HourlyAir {
  pm25: number
  pm10: number
  so2: number
  no2: number
  co: number
  o3: number
  o3_8h: number
}

const gauss = (x: number, centre: number, width: number) => Math.exp(-((x - centre) ** 2) / width)

/** One station's series, hour by hour; `onHour` receives null for a missing hour. */
export function stationSeries(
  rng: Rng,
  station: Pick<Station, 'district'>,
  climate: Climate,
  onHour: (hourIndex: number, values: HourlyAir | null) => void
) {
  const { district } = station
  const bias = rng.logNormal(1, 0.08)
  const o3Window: number[] = []
  let outage = 0
  for (let h = 0; h < climate.hours; h++) {
    const t = climate.start + h * HOUR_MS
    // Analyser outages of hours to days, and single lost hours, keep completeness realistic (< 100 %).
    if (outage > 0 || rng.chance(0.0002)) {
      outage = outage > 0 ? outage - 1 : rng.int(6, 60)
      onHour(h, null)
      continue
    }
    if (rng.chance(0.005)) {
      onHour(h, null)
      continue
    }
    const w = winterness(t)
    const hour = cstHour(t)
    const particulate = Math.exp(climate.anomaly[h] + rng.normal(0, 0.12))
    const pm25 =
      (17 + 40 * w ** 1.4) *
      district.pm *
      bias *
      particulate *
      (1 + 0.13 * Math.cos(((hour - 23) * Math.PI) / 12))
    const dust = 1.3 + 0.3 * (1 - w) + 0.3 * gauss(dayOfYear(t), 80, 600) * rng.next()
    const traffic =
      1 + 0.3 * gauss(hour, 8, 4) + 0.4 * gauss(hour, 19.5, 6) - 0.25 * gauss(hour, 14, 10)
    const no2 =
      30 *
      district.no2 *
      (1 + 0.4 * w) *
      traffic *
      Math.exp(0.45 * climate.anomaly[h] + rng.normal(0, 0.15))
    const so2 =
      6.5 *
      district.so2 *
      (1 + 0.7 * w) *
      rng.logNormal(1, 0.3) *
      (rng.chance(0.002) ? rng.between(3, 8) : 1)
    const sun = Math.max(0, Math.cos(((hour - 15) * Math.PI) / 12))
    const o3 =
      (32 + 72 * (1 - w)) *
      (0.3 + 1.25 * sun ** 1.5) *
      (1.15 - 0.15 * district.no2) *
      rng.logNormal(1, 0.15) *
      (climate.rain[h] > 0 ? 0.6 : 1)
    o3Window.push(o3)
    if (o3Window.length > 8) o3Window.shift()
    onHour(h, {
      pm25: Math.max(2, Math.round(pm25)),
      pm10: Math.max(5, Math.round(pm25 * dust + rng.normal(5, 3))),
      so2: Math.min(700, Math.max(2, Math.round(so2))),
      no2: Math.max(3, Math.round(no2)),
      co: Math.max(0.1, Math.round((0.35 + 0.011 * pm25 + rng.normal(0, 0.08)) * 10) / 10),
      o3: Math.max(2, Math.round(o3)),
      o3_8h: Math.max(2, Math.round(o3Window.reduce((sum, v) => sum + v, 0) / o3Window.length)),
    })
  }
}

/** Primary pollutants as published: 'PM2.5', 'O3_8h'… comma-separated; null when AQI ≤ 50. */
export function primaryLabel(primary: AqiIndicator[]): string | null {
  return primary.length ? primary.join(',') : null
}

export function hourlyAqi(values: HourlyAir) {
  return aqi(
    {
      'PM2.5': values.pm25,
      'PM10': values.pm10,
      'SO2': values.so2,
      'NO2': values.no2,
      'CO': values.co,
      'O3_1h': values.o3,
      'O3_8h': values.o3_8h,
    },
    { mode: 'hourly' }
  )
}

const DAILY_KEYS = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3'] as const

/** Per area (12 districts + city) and day: sums of station-hour values, and hourly O3 means. */
class DailyAccumulator {
  readonly areas = DISTRICT_MODELS.length + 1
  sums: Float64Array
  counts: Float64Array
  o3Hourly: Float64Array
  o3Counts: Float64Array

  constructor(readonly climate: Climate) {
    const days = Math.ceil(climate.hours / 24)
    this.sums = new Float64Array(this.areas * days * DAILY_KEYS.length)
    this.counts = new Float64Array(this.areas * days)
    this.o3Hourly = new Float64Array(this.areas * climate.hours)
    this.o3Counts = new Float64Array(this.areas * climate.hours)
  }

  add(area: number, h: number, values: HourlyAir) {
    const day = Math.floor(h / 24)
    const base = (area * Math.ceil(this.climate.hours / 24) + day) * DAILY_KEYS.length
    DAILY_KEYS.forEach((key, k) => (this.sums[base + k] += values[key]))
    this.counts[area * Math.ceil(this.climate.hours / 24) + day]++
    this.o3Hourly[area * this.climate.hours + h] += values.o3
    this.o3Counts[area * this.climate.hours + h]++
  }

  /** 24 h means, O3 max 1 h and max 8 h moving average of the area's hourly means. */
  day(area: number, day: number) {
    const days = Math.ceil(this.climate.hours / 24)
    const n = this.counts[area * days + day]
    if (n === 0) return null
    const base = (area * days + day) * DAILY_KEYS.length
    const mean = (k: number) => this.sums[base + k] / n
    const o3 = (h: number) => {
      if (h < 0) return null
      const i = area * this.climate.hours + h
      return this.o3Counts[i] ? this.o3Hourly[i] / this.o3Counts[i] : null
    }
    let max1h = 0
    let max8h = 0
    for (let h = day * 24; h < Math.min(this.climate.hours, day * 24 + 24); h++) {
      max1h = Math.max(max1h, o3(h) ?? 0)
      const window = Array.from({ length: 8 }, (_, i) => o3(h - i)).filter(
        (v): v is number => v !== null
      )
      if (window.length >= 6)
        max8h = Math.max(max8h, window.reduce((s, v) => s + v, 0) / window.length)
    }
    return {
      pm25: Math.round(mean(0)),
      pm10: Math.round(mean(1)),
      so2: Math.round(mean(2)),
      no2: Math.round(mean(3)),
      co: Math.round(mean(4) * 10) / 10,
      o3_1h: Math.round(max1h),
      o3_8h: Math.round(max8h || max1h * 0.85),
    }
  }
}

export async function generateAir(ctx: GeneratorContext, stations: Station[], climate: Climate) {
  const accumulator = new DailyAccumulator(climate)
  const cityArea = DISTRICT_MODELS.length
  for (const station of stations) {
    const rng = ctx.rng(`air/${station.code}`)
    const rows: Record<string, string | number | null>[] = []
    stationSeries(rng, station, climate, (h, values) => {
      if (!values) return
      accumulator.add(station.district.index, h, values)
      accumulator.add(cityArea, h, values)
      const result = hourlyAqi(values)
      // A small share awaits validation (待审核): internal until the monitoring centre confirms it.
      const labels = rng.chance(0.01) ? ctx.labels('internal', 'unconditional') : ctx.open
      rows.push({
        station_code: station.code,
        observed_at: sqlDateTime(climate.start + h * HOUR_MS),
        district_code: station.district.code,
        ...values,
        aqi: result.aqi,
        aqi_level: result.band.level,
        primary_pollutant: primaryLabel(result.primaryPollutants),
        ...labels,
      })
    })
    for (const row of rows) await ctx.sink.write('air_quality_hourly', row)
  }
  await writeDailyReport(ctx, accumulator, climate)
}

async function writeDailyReport(
  ctx: GeneratorContext,
  accumulator: DailyAccumulator,
  climate: Climate
) {
  const areas = [...DISTRICT_MODELS.map((d) => ({ code: d.code, name: d.name })), CITY_AREA]
  for (let day = 0; day < Math.ceil(climate.hours / 24); day++) {
    for (const [area, { code, name }] of areas.entries()) {
      const means = accumulator.day(area, day)
      if (!means) continue
      const result = aqi(
        {
          'PM2.5': means.pm25,
          'PM10': means.pm10,
          'SO2': means.so2,
          'NO2': means.no2,
          'CO': means.co,
          'O3_1h': means.o3_1h,
          'O3_8h': means.o3_8h,
        },
        { mode: 'daily' }
      )
      await ctx.sink.write('air_quality_daily', {
        area_code: code,
        area_name: name,
        report_date: cstDate(climate.start + day * DAY_MS),
        pm25: means.pm25,
        pm10: means.pm10,
        so2: means.so2,
        no2: means.no2,
        co: means.co,
        o3_8h: means.o3_8h,
        aqi: result.aqi,
        aqi_level: result.band.level,
        aqi_category: result.band.category,
        primary_pollutant: primaryLabel(result.primaryPollutants),
        ...ctx.open,
      })
    }
  }
}
