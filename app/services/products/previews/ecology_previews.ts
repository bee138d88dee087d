import { openRows } from '#services/products/product_catalog'
import { breakdown, dateText, latest, percent } from '#services/products/previews/preview_helpers'

/*
 * Noise, radiation and ecological-status products: the latest period's picture.
 */
export async function noiseMonitoring() {
  const newest = dateText(await latest('noise_monitoring', 'measured_on'))
  if (!newest) return { quarter: null, zones: [] }
  const quarterStart = `${newest.slice(0, 5)}${String(Math.floor((Number(newest.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`
  const rows = await openRows('noise_monitoring')
    .where('measured_on', '>=', quarterStart)
    .select('functional_zone', 'period')
    .count('* as points')
    .sum('compliant as compliant')
    .avg('leq_db as leq')
    .groupBy('functional_zone', 'period')
    .orderBy('functional_zone')
    .orderBy('period')
  return {
    quarterStart,
    zones: rows.map((row: any) => ({
      functionalZone: Number(row.functional_zone),
      period: row.period,
      points: Number(row.points),
      compliantShare: percent(Number(row.compliant), Number(row.points)),
      meanLeq: Math.round(Number(row.leq) * 10) / 10,
    })),
  }
}

export async function radiationMonitoring() {
  const newest = dateText(await latest('radiation_monitoring', 'measured_on'))
  if (!newest) return { month: null, points: [] }
  const rows = await openRows('radiation_monitoring')
    .where('measured_on', newest)
    .select('point_code', 'point_name', 'district_code', 'gamma_dose_rate', 'assessment')
    .orderBy('point_code')
  return {
    month: newest.slice(0, 7),
    points: rows.map((row: any) => ({ ...row, gamma_dose_rate: Number(row.gamma_dose_rate) })),
  }
}

export async function ecoRedlineAreas() {
  return {
    byFunction: await breakdown('eco_redline_areas', 'function_type', { sum: 'area_km2' }),
    byDistrict: await breakdown('eco_redline_areas', 'district_code', { sum: 'area_km2' }),
  }
}

export async function forestCoverage() {
  const year = await latest('forest_coverage', 'year')
  if (year === null) return { year: null, districts: [] }
  const rows = await openRows('forest_coverage')
    .where('year', year)
    .select('district_code', 'coverage_pct', 'forest_area_ha')
    .orderBy('district_code')
  return {
    year: Number(year),
    districts: rows.map((row: any) => ({
      districtCode: row.district_code,
      coveragePct: Number(row.coverage_pct),
      forestAreaHa: Number(row.forest_area_ha),
    })),
  }
}

export async function wetlandArea() {
  const year = await latest('wetlands', 'year')
  if (year === null) return { year: null, byType: [], byProtectionLevel: [] }
  const inYear = (builder: ReturnType<typeof openRows>) => builder.where('year', year)
  return {
    year: Number(year),
    byType: await breakdown('wetlands', 'wetland_type', { sum: 'area_ha', where: inYear }),
    byProtectionLevel: await breakdown('wetlands', 'protection_level', {
      sum: 'area_ha',
      where: inYear,
    }),
  }
}
