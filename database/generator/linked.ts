import type { GeneratorContext } from '#database/generator/context'
import type { Climate } from '#database/generator/climate'
import { DISTRICT_MODELS, round, type Enterprise } from '#database/generator/city_model'
import {
  cstDate,
  cstHour,
  days,
  DAY_MS,
  HOUR_MS,
  sqlDateTime,
  winterness,
} from '#database/generator/time'

/*
 * Linked datasets of other departments. Weather reads the same climate series as air
 * quality (stagnation = low wind and a shallow boundary layer; rain), so the two correlate
 * as they do in reality; respiratory visits follow the PM2.5 background.
 */
export async function generateWeather(ctx: GeneratorContext, climate: Climate) {
  for (const district of DISTRICT_MODELS) {
    const rng = ctx.rng(`weather/${district.code}`)
    for (let h = 0; h < climate.hours; h++) {
      const t = climate.start + h * HOUR_MS
      const w = winterness(t)
      const hour = cstHour(t)
      const stagnant = climate.episode[h]
      await ctx.sink.write('weather_hourly', {
        district_code: district.code,
        observed_at: sqlDateTime(t),
        temperature: round(
          29 - 24 * w + 4 * Math.cos(((hour - 14) * Math.PI) / 12) + rng.normal(0, 1.2),
          1
        ),
        humidity: Math.min(
          100,
          Math.round(70 + 12 * stagnant + (climate.rain[h] ? 20 : 0) + rng.normal(0, 6))
        ),
        wind_speed: round(Math.max(0.2, (2.6 - 1.8 * stagnant) * rng.logNormal(1, 0.35)), 1),
        wind_direction: Math.round((w > 0.5 ? 0 : 160) + rng.normal(0, 55) + 360) % 360,
        pressure: round(1013 + 12 * w + rng.normal(0, 3), 1),
        precipitation: climate.rain[h],
        boundary_layer_m: Math.round(
          Math.max(
            150,
            (300 + 900 * Math.max(0, Math.cos(((hour - 14) * Math.PI) / 12))) *
              (1 - 0.55 * stagnant) *
              rng.logNormal(1, 0.15)
          )
        ),
        ...ctx.open,
      })
    }
  }
  const rng = ctx.rng('forecast')
  for (const [d, date] of days(ctx.start, ctx.end).entries()) {
    for (let ahead = 0; ahead < 3; ahead++) {
      const h = Math.min(climate.hours - 1, (d + ahead) * 24 + 12)
      const w = winterness(ctx.start + h * HOUR_MS)
      const stagnation = Math.min(1, Math.max(0, climate.episode[h] + rng.normal(0, 0.15)))
      await ctx.sink.write('weather_forecasts', {
        issued_on: date,
        forecast_date: cstDate(ctx.start + (d + ahead) * DAY_MS),
        weather:
          climate.rain[h] > 0 ? rng.pick(['小雨', '中雨', '阵雨']) : rng.pick(['晴', '多云', '阴']),
        tmax: Math.round(31 - 22 * w + rng.normal(0, 2)),
        tmin: Math.round(23 - 22 * w + rng.normal(0, 2)),
        wind_scale: Math.max(1, Math.round(3 - 2 * stagnation + rng.normal(0, 0.6))),
        dispersion_level: Math.min(5, Math.max(1, Math.round(2 + 3 * stagnation))),
        ...ctx.open,
      })
    }
  }
}

export async function generateDailyLinked(ctx: GeneratorContext, climate: Climate) {
  const gauges: [string, string, number][] = [
    ['HG01', '长江', 19],
    ['HG02', '汉江', 20],
    ['HG03', '府河', 21],
    ['HG04', '东湖', 19.5],
  ]
  const rng = ctx.rng('daily_linked')
  for (const [code, waterBody, meanLevel] of gauges) {
    for (const date of days(ctx.start, ctx.end)) {
      const summer = 1 - winterness(Date.parse(date))
      await ctx.sink.write('hydrology_daily', {
        gauge_code: code,
        water_body: waterBody,
        observed_on: date,
        water_level_m: round(meanLevel + 5 * summer + rng.normal(0, 0.3), 2),
        flow_m3s:
          code === 'HG04'
            ? null
            : round(
                (code === 'HG01' ? 18_000 : 1_200) * (0.5 + 1.6 * summer) * rng.logNormal(1, 0.1),
                0
              ),
        ...ctx.open,
      })
    }
  }
  for (const district of DISTRICT_MODELS) {
    for (const [d, date] of days(ctx.start, ctx.end).entries()) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
      const pm = Math.exp(climate.anomaly[Math.min(climate.hours - 1, d * 24 + 12)] ?? 0)
      await ctx.sink.write('traffic_flow_daily', {
        district_code: district.code,
        observed_on: date,
        vehicles: Math.round(
          180_000 *
            district.no2 *
            (weekday === 0 || weekday === 6 ? 0.82 : 1) *
            rng.logNormal(1, 0.06)
        ),
        heavy_diesel_share: round(6 + 6 * (district.so2 - 0.8) + rng.normal(0, 0.6), 1),
        ...ctx.open,
      })
      await ctx.sink.write('respiratory_visits', {
        district_code: district.code,
        observed_on: date,
        visits: Math.round(
          420 * (1 + 0.5 * winterness(Date.parse(date))) * (0.9 + 0.1 * pm) * rng.logNormal(1, 0.08)
        ),
        ...ctx.labels('internal', 'conditional'),
      })
    }
  }
}

export async function generateYearlyLinked(ctx: GeneratorContext, enterprises: Enterprise[]) {
  const rng = ctx.rng('yearly_linked')
  const years = ctx.years.slice(0, -1)
  for (const district of DISTRICT_MODELS) {
    const rural = district.no2 < 0.9
    for (const [i, type] of ['城镇开发边界', '永久基本农田', '生态保护红线'].entries()) {
      await ctx.sink.write('spatial_planning_zones', {
        zone_code: `KZ${district.code.slice(-2)}${i + 1}`,
        district_code: district.code,
        zone_type: type,
        area_km2: round(
          type === '城镇开发边界'
            ? rng.between(40, 160)
            : rural
              ? rng.between(60, 400)
              : rng.between(1, 15),
          2
        ),
        plan_year: 2020,
        ...ctx.open,
      })
    }
    for (const year of years) {
      await ctx.sink.write('agricultural_inputs', {
        district_code: district.code,
        year,
        fertilizer_t: round(
          (rural ? 22_000 : 600) * (1 - 0.025 * (year - 2018)) * rng.logNormal(1, 0.05),
          0
        ),
        pesticide_t: round(
          (rural ? 900 : 20) * (1 - 0.03 * (year - 2018)) * rng.logNormal(1, 0.05),
          1
        ),
        livestock_farms: Math.round(
          (rural ? 120 : 2) * (1 - 0.04 * (year - 2018)) * rng.logNormal(1, 0.1)
        ),
        ...ctx.open,
      })
    }
    for (let n = 0; n < 8; n++) {
      const started = cstDate(
        ctx.start + Math.floor(rng.next() * ((ctx.end - ctx.start) / DAY_MS)) * DAY_MS
      )
      await ctx.sink.write('construction_sites', {
        site_code: `GD${district.code.slice(-2)}${String(n + 1).padStart(3, '0')}`,
        site_name: `${district.name.slice(0, -1)}${rng.pick(['安置房', '地铁站', '商业综合体', '学校', '道路'])}${rng.pick(['一期', '二期', '改造'])}工程`,
        district_code: district.code,
        area_m2: Math.round(rng.logNormal(40_000, 0.7)),
        phase: rng.pick(['土方开挖', '主体施工', '装饰装修', '竣工验收']),
        dust_monitor: rng.chance(0.9) ? 1 : 0,
        started_on: started,
        planned_end_on: `${Number(started.slice(0, 4)) + 2}${started.slice(4)}`,
        ...ctx.open,
      })
    }
  }
  for (const e of enterprises.filter((x) => x.industry.air)) {
    const scale = rng.logNormal(1, 1)
    for (const year of years) {
      await ctx.sink.write('industrial_energy', {
        enterprise_code: e.code,
        year,
        coal_t: ['火电', '钢铁', '建材'].includes(e.industry.name)
          ? round(250_000 * scale * (1 - 0.02 * (year - 2018)), 0)
          : round(2_000 * scale, 0),
        electricity_mwh: round(40_000 * scale * rng.logNormal(1, 0.05), 0),
        output_value: round(90_000 * scale * (1 + 0.05 * (year - 2018)), 0),
        ...ctx.labels('internal', 'conditional'),
      })
    }
  }
}
