import type { GeneratorContext } from '#database/generator/context'
import { DISTRICT_MODELS, round } from '#database/generator/city_model'
import { monthStarts } from '#database/generator/time'

/*
 * Noise, radiation and ecological status: quarterly noise per functional zone, monthly
 * gamma dose rate, red-line areas, wetlands and forest coverage by district and year.
 */
const NOISE_LIMITS: Record<number, [number, number]> = {
  1: [55, 45],
  2: [60, 50],
  3: [65, 55],
  4: [70, 55],
}

export async function generateNoiseAndRadiation(ctx: GeneratorContext) {
  const rng = ctx.rng('noise')
  const quarters = monthStarts(ctx.start, ctx.end).filter((m) =>
    ['01', '04', '07', '10'].includes(m.slice(5, 7))
  )
  for (const district of DISTRICT_MODELS) {
    for (const zone of [1, 2, 3, 4]) {
      const code = `NZ${district.code.slice(-2)}${zone}`
      for (const quarter of quarters) {
        for (const [period, limit] of [
          ['day', NOISE_LIMITS[zone][0]],
          ['night', NOISE_LIMITS[zone][1]],
        ] as const) {
          const leq = round(
            limit - 3.5 + rng.normal(0, 2.8) + (zone === 4 ? 1.5 : 0) * district.no2,
            1
          )
          await ctx.sink.write('noise_monitoring', {
            point_code: code,
            point_name: `${district.name}${zone}类功能区监测点`,
            district_code: district.code,
            functional_zone: zone,
            measured_on: `${quarter.slice(0, 8)}${String(10 + (zone % 5)).padStart(2, '0')}`,
            period,
            leq_db: leq,
            limit_db: limit,
            compliant: leq <= limit ? 1 : 0,
            ...ctx.open,
          })
        }
      }
    }
  }
  const radiation = ctx.rng('radiation')
  for (const district of DISTRICT_MODELS) {
    const background = radiation.between(62, 95)
    for (const month of monthStarts(ctx.start, ctx.end)) {
      const dose = round(background + radiation.normal(0, 3.5), 1)
      await ctx.sink.write('radiation_monitoring', {
        point_code: `RD${district.code.slice(-2)}`,
        point_name: `${district.name}辐射环境自动监测站`,
        district_code: district.code,
        measured_on: month,
        gamma_dose_rate: dose,
        assessment: dose < 150 ? '天然本底水平' : '需关注',
        ...ctx.open,
      })
    }
  }
}

export async function generateEcology(ctx: GeneratorContext) {
  const rng = ctx.rng('ecology')
  const functions = ['水源涵养', '生物多样性维护', '水土保持', '湿地保护']
  let redline = 0
  for (const district of DISTRICT_MODELS) {
    const suburban = district.no2 < 0.9
    for (let n = 0; n < (suburban ? 4 : 1); n++) {
      redline++
      await ctx.sink.write('eco_redline_areas', {
        area_code: `HX${String(redline).padStart(3, '0')}`,
        area_name: `${district.name.slice(0, -1)}${rng.pick(['山', '湖', '林', '湿地'])}${rng.pick(['生态保护红线区', '生态功能区'])}${n + 1}`,
        district_code: district.code,
        function_type: rng.pick(functions),
        area_km2: round(rng.logNormal(suburban ? 45 : 4, 0.5), 2),
        designated_on: '2018-06-30',
        longitude: round(district.lon + rng.normal(0, 0.05), 5),
        latitude: round(district.lat + rng.normal(0, 0.05), 5),
        // Boundaries of water-source protection patches are not published in detail.
        ...(rng.chance(0.1) ? ctx.labels('internal', 'unconditional') : ctx.open),
      })
    }
  }
  const wetlandTypes = ['湖泊湿地', '河流湿地', '沼泽湿地', '人工湿地']
  for (let i = 0; i < 24; i++) {
    const district = DISTRICT_MODELS[(i * 5) % DISTRICT_MODELS.length]
    const area = rng.logNormal(1800, 1)
    const trend = rng.between(-0.002, 0.012)
    const level = rng.weighted([
      ['国家重要湿地', 2],
      ['省级重要湿地', 5],
      ['一般湿地', 10],
    ])
    for (const year of ctx.years.slice(0, -1)) {
      await ctx.sink.write('wetlands', {
        wetland_code: `SD${String(i + 1).padStart(3, '0')}`,
        wetland_name: `${district.name.slice(0, -1)}${['东', '西', '南', '北', '中'][i % 5]}${wetlandTypes[i % 4].slice(0, 2)}湿地`,
        district_code: district.code,
        wetland_type: wetlandTypes[i % 4],
        protection_level: level,
        year,
        area_ha: round(area * (1 + trend * (year - 2018)), 1),
        ...ctx.open,
      })
    }
  }
  for (const district of DISTRICT_MODELS) {
    const base = district.no2 < 0.9 ? rng.between(22, 38) : rng.between(6, 15)
    const landHa = rng.between(8_000, 150_000) * (district.no2 < 0.9 ? 1 : 0.12)
    for (const year of ctx.years.slice(0, -1)) {
      const coverage = round(base + 0.35 * (year - 2018) + rng.normal(0, 0.15), 2)
      await ctx.sink.write('forest_coverage', {
        district_code: district.code,
        year,
        forest_area_ha: round((landHa * coverage) / 100, 1),
        coverage_pct: coverage,
        green_coverage_pct: round(38 + 0.4 * (year - 2018) + rng.normal(0, 1), 1),
        ...ctx.open,
      })
    }
  }
}
