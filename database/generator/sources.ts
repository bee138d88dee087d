import type { Hj212DataFlag } from '#services/standards/hj212'
import type { GeneratorContext } from '#database/generator/context'
import type { Outlet } from '#database/generator/base_rows'
import { DISTRICT_MODELS, round, type Enterprise } from '#database/generator/city_model'
import { EMISSION_STANDARDS, FACTORS } from '#database/data/emission_standards'
import { cstMidnight, days, sqlDateTime, winterness } from '#database/generator/time'

/*
 * Online monitoring (HJ 212 daily values, CN=2031) per outlet and factor, the exceedance
 * disclosures derived from it, and the smaller pollution-source registers.
 */
const FLAGS: [Hj212DataFlag, number][] = [
  ['N', 964],
  ['M', 10],
  ['C', 6],
  ['F', 10],
  ['D', 4],
  ['B', 4],
  ['T', 2],
]
/** Flags whose value is a valid measurement that can count as an exceedance. */
const VALID_FLAGS = new Set<Hj212DataFlag>(['N', 'T'])
/** Exceedances this recent are still being verified, so not yet disclosed. */
const DISCLOSURE_LAG_DAYS = 3

export async function generateOnlineMonitoring(ctx: GeneratorContext, outlets: Outlet[]) {
  const dates = days(ctx.start, ctx.end)
  const disclosedBefore = dates[Math.max(0, dates.length - DISCLOSURE_LAG_DAYS)]
  for (const outlet of outlets.filter((o) => o.online)) {
    const rng = ctx.rng(`online/${outlet.code}`)
    const e = outlet.enterprise
    const typical = rng.between(0.2, 0.5)
    // Enterprise-identifying operating data: conditional; risk-listed units' data is sensitive.
    const labels =
      e.industry.keys.includes('环境风险') && rng.chance(0.3)
        ? ctx.labels('sensitive', 'conditional')
        : ctx.labels('internal', 'conditional')
    for (const date of dates) {
      const t = cstMidnight(date)
      const excursion = rng.chance(1 - e.compliance)
      for (const [factor, limit] of Object.entries(outlet.limits)) {
        let flag = rng.weighted(FLAGS)
        const load = excursion
          ? rng.between(1.05, 2.4)
          : typical * rng.logNormal(1, 0.2) * (1 + 0.15 * winterness(t))
        let value = flag === 'F' ? 0 : limit * load
        // T: above the analyser's range, reported at the range ceiling (3× the limit here).
        if (flag === 'T' || value > 3 * limit) {
          flag = 'T'
          value = 3 * limit
        }
        const avg = round(value, limit < 2 ? 3 : 1)
        // Judged on the reported (rounded) value, as the platform receiving the packet would.
        const exceeded = VALID_FLAGS.has(flag) && avg > limit
        await ctx.sink.write('online_monitoring', {
          outlet_code: outlet.code,
          factor_code: factor,
          observed_at: sqlDateTime(t),
          cn: '2031',
          enterprise_code: e.code,
          district_code: e.district.code,
          avg_value: avg,
          unit: FACTORS[factor].unit,
          limit_value: limit,
          flag,
          exceeded: exceeded ? 1 : 0,
          ...labels,
        })
        if (!exceeded) continue
        await ctx.sink.write('online_exceedances', {
          outlet_code: outlet.code,
          enterprise_code: e.code,
          enterprise_name: e.name,
          district_code: e.district.code,
          factor_code: factor,
          factor_name: FACTORS[factor].name,
          observed_on: date,
          avg_value: avg,
          limit_value: limit,
          multiple: round((avg - limit) / limit, 2),
          unit: FACTORS[factor].unit,
          standard_code: outlet.standardCode,
          ...(date < disclosedBefore ? ctx.open : ctx.labels('internal', 'conditional')),
        })
      }
    }
  }
}

export async function writeEmissionStandards(ctx: GeneratorContext) {
  for (const standard of EMISSION_STANDARDS) {
    for (const [factor, limit] of Object.entries(standard.limits)) {
      await ctx.sink.write('emission_standards', {
        standard_code: standard.code.replace('/W', ''),
        standard_name: standard.name,
        industry: standard.name.replace(
          /(污染物排放标准|大气污染物排放标准|水污染物排放标准|排放标准|污染控制标准).*$/,
          ''
        ),
        medium: standard.medium,
        factor_code: factor,
        pollutant: FACTORS[factor].name,
        limit_value: limit,
        unit: FACTORS[factor].unit,
        effective_from: standard.effectiveFrom,
        status: '现行',
        ...ctx.open,
      })
    }
  }
}

export async function writeSourceRegisters(ctx: GeneratorContext, enterprises: Enterprise[]) {
  const rng = ctx.rng('registers')
  const wasteHandlers = enterprises
    .filter((e) => ['固废处置', '化工', '石化', '有色金属'].includes(e.industry.name))
    .slice(0, 24)
  for (const [i, e] of wasteHandlers.entries()) {
    const issuedYear = rng.int(2018, 2024)
    await ctx.sink.write('hazardous_waste_licences', {
      licence_no: `鄂危废经许${420100 + e.district.index}${String(i + 1).padStart(3, '0')}号`,
      enterprise_code: e.code,
      enterprise_name: e.name,
      district_code: e.district.code,
      operation_type: rng.pick(['收集、贮存、处置', '收集、贮存、利用', '收集、贮存']),
      waste_categories:
        ['HW08', 'HW17', 'HW18', 'HW49', 'HW12', 'HW06', 'HW22', 'HW34']
          .filter(() => rng.chance(0.45))
          .join(',') || 'HW49',
      capacity_tpa: rng.int(2, 60) * 1000,
      issued_on: `${issuedYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      valid_until: `${issuedYear + 5}-12-31`,
      ...ctx.open,
    })
  }
  for (const [i, e] of enterprises.filter((x) => x.industry.soil).entries()) {
    await ctx.sink.write('soil_supervision_units', {
      enterprise_code: e.code,
      enterprise_name: e.name,
      credit_code: e.creditCode,
      industry: e.industry.name,
      district_code: e.district.code,
      main_pollutants:
        e.industry.name === '电镀' || e.industry.name === '有色金属'
          ? '重金属（镉、铅、铬、铜）'
          : '石油烃、苯系物、多环芳烃',
      listed_year: Math.max(e.listedYear, 2018 + (i % 5)),
      hazard_check_status: rng.weighted([
        ['已完成', 80],
        ['整改中', 15],
        ['未开展', 5],
      ]),
      ...ctx.open,
    })
  }
  for (let i = 0; i < 36; i++) {
    const district = DISTRICT_MODELS[i % DISTRICT_MODELS.length]
    await ctx.sink.write('vehicle_inspection_stations', {
      station_code: `VI${String(i + 1).padStart(3, '0')}`,
      station_name: `江城${district.name.slice(0, -1)}${rng.pick(['机动车检测站', '汽车综合性能检测中心', '车检中心'])}${i >= 12 ? `（${Math.floor(i / 12) + 1}号）` : ''}`,
      district_code: district.code,
      address: `江城市${district.name}${rng.pick(['物流', '汽车', '工业'])}路${rng.int(1, 500)}号`,
      lanes: rng.int(2, 8),
      methods: rng.chance(0.7) ? '简易瞬态工况法,加载减速法' : '双怠速法,自由加速法',
      networked: rng.chance(0.95) ? 1 : 0,
      phone: `027-${rng.int(8000, 8999)}${String(rng.int(0, 9999)).padStart(4, '0')}`,
      longitude: round(district.lon + rng.normal(0, 0.04), 5),
      latitude: round(district.lat + rng.normal(0, 0.03), 5),
      ...ctx.open,
    })
  }
}
