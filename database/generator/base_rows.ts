import type { GeneratorContext } from '#database/generator/context'
import type { Enterprise, Section, Station } from '#database/generator/city_model'
import { EMISSION_STANDARDS, INDUSTRY_STANDARDS } from '#database/data/emission_standards'
import { round } from '#database/generator/city_model'

/*
 * Rows of the base stores (stations, sections, enterprises, permits, outlets) and the
 * outlet model the online-monitoring series is generated from.
 */
export interface Outlet {
  code: string
  enterprise: Enterprise
  type: 'water' | 'air'
  standardCode: string
  limits: Record<string, number>
  online: boolean
}

export async function writeStations(ctx: GeneratorContext, stations: Station[]) {
  for (const [i, station] of stations.entries()) {
    await ctx.sink.write('air_stations', {
      station_code: station.code,
      station_name: station.name,
      station_type: station.type,
      district_code: station.district.code,
      district_name: station.district.name,
      longitude: station.lon,
      latitude: station.lat,
      established_on: `${2008 + (i % 10)}-0${1 + (i % 9)}-15`,
      ...ctx.open,
    })
  }
}

export async function writeSections(ctx: GeneratorContext, sections: Section[]) {
  for (const section of sections) {
    await ctx.sink.write('water_sections', {
      section_code: section.code,
      section_name: section.name,
      water_body_type: section.waterBodyType,
      water_body: section.waterBody,
      assessment_level: section.level,
      target_class: section.target,
      drinking_source: section.drinking ? 1 : 0,
      district_code: section.district.code,
      district_name: section.district.name,
      longitude: round(
        section.district.lon + 0.02 * Math.sin(section.code.length + section.load * 10),
        5
      ),
      latitude: round(section.district.lat + 0.02 * Math.cos(section.load * 10), 5),
      // Coordinates of drinking-water intakes are kept internal (anti-terrorism guidance for water supply).
      ...(section.drinking ? ctx.labels('internal', 'unconditional') : ctx.open),
    })
  }
}

export async function writeEnterprises(ctx: GeneratorContext, enterprises: Enterprise[]) {
  const rng = ctx.rng('enterprise_rows')
  for (const e of enterprises) {
    await ctx.sink.write('enterprises', {
      enterprise_code: e.code,
      enterprise_name: e.name,
      credit_code: e.creditCode,
      industry: e.industry.name,
      key_categories: e.industry.keys.join(','),
      district_code: e.district.code,
      district_name: e.district.name,
      address: `江城市${e.district.name}${rng.pick(['工业', '临港', '经开', '高新', '新港'])}大道${rng.int(1, 999)}号`,
      longitude: e.lon,
      latitude: e.lat,
      legal_representative: e.legalRepresentative,
      listed_year: e.listedYear,
      // A few units are defence-related suppliers whose listing is not published (涉密单位不公开).
      ...(rng.chance(0.02) ? ctx.labels('sensitive', 'conditional') : ctx.open),
    })
  }
}

export async function writePermits(ctx: GeneratorContext, enterprises: Enterprise[]) {
  const rng = ctx.rng('permits')
  for (const [i, e] of enterprises.entries()) {
    // Permits run five years; the register shows the current one (first issue or renewal).
    const issuedYear = rng.weighted([
      [2021, 20],
      [2022, 25],
      [2023, 30],
      [2024, 15],
      [2025, 10],
    ])
    const issued = `${issuedYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
    const validUntil = `${issuedYear + 5}${issued.slice(4)}`
    await ctx.sink.write('discharge_permits', {
      permit_no: `${e.creditCode}${String(rng.int(1, 3)).padStart(3, '0')}${rng.pick(['P', 'V', 'R', 'Q'])}`,
      enterprise_code: e.code,
      enterprise_name: e.name,
      credit_code: e.creditCode,
      industry: e.industry.name,
      management_class: i % 5 === 4 ? '简化管理' : '重点管理',
      issued_on: issued,
      valid_until: validUntil,
      status: validUntil < ctx.endDate ? '已过期' : rng.chance(0.02) ? '已注销' : '有效',
      district_code: e.district.code,
      ...ctx.open,
    })
  }
}

export function buildOutlets(ctx: GeneratorContext, enterprises: Enterprise[]): Outlet[] {
  const rng = ctx.rng('outlets')
  const outlets: Outlet[] = []
  for (const e of enterprises) {
    const standards = INDUSTRY_STANDARDS[e.industry.name]
    for (const type of ['water', 'air'] as const) {
      const standardCode = standards[type]
      if (!standardCode) continue
      const limits = EMISSION_STANDARDS.find((s) => s.code === standardCode)!.limits
      const count = type === 'air' && rng.chance(0.3) ? 2 : 1
      for (let n = 1; n <= count; n++) {
        outlets.push({
          code: `${e.code}-${type === 'water' ? 'DW' : 'DA'}${String(n).padStart(3, '0')}`,
          enterprise: e,
          type,
          standardCode,
          limits:
            type === 'water' && !['污水处理', '石化'].includes(e.industry.name)
              ? { w01018: limits.w01018, w21003: limits.w21003 }
              : limits,
          online: rng.chance(0.85),
        })
      }
    }
  }
  return outlets
}

export async function writeOutlets(ctx: GeneratorContext, outlets: Outlet[]) {
  for (const [i, outlet] of outlets.entries()) {
    const e = outlet.enterprise
    await ctx.sink.write('outlets', {
      outlet_code: outlet.code,
      enterprise_code: e.code,
      outlet_type: outlet.type,
      outlet_name:
        outlet.type === 'water'
          ? `废水总排口${outlet.code.slice(-1)}`
          : `废气排放口${outlet.code.slice(-1)}`,
      standard_code: outlet.standardCode,
      mn: `42010${String(100000000 + i * 7919).slice(-9)}${outlet.type === 'water' ? 'W' : 'A'}`,
      online_monitored: outlet.online ? 1 : 0,
      district_code: e.district.code,
      longitude: round(e.lon + 0.001 * (i % 7), 5),
      latitude: round(e.lat + 0.001 * (i % 5), 5),
      ...ctx.labels('internal', 'conditional'),
    })
  }
}
