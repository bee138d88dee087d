/*
 * Limits that `stats=exceed` counts values against, per dataset and field.
 *
 * Air: GB 3095-2012 (环境空气质量标准) Table 1, grade II (二级, residential, commercial and
 * industrial areas — the whole city). Hourly data uses the 1-hour limits where the standard
 * has them (SO2, NO2, CO, O3); PM2.5 and PM10 have only 24-hour limits, which hourly values
 * are screened against (an hour over 75 µg/m³ is not itself a legal exceedance — documented
 * in docs/visual_query.md); O3-8h uses the 8-hour limit. Daily data uses the 24-hour limits and
 * the daily maximum 8-hour O3 limit.
 * Surface water: GB 3838-2002 class III (Ⅲ类, the usual assessment line for drinking-source
 * protection and fisheries), river limits from water_quality.ts; dissolved oxygen is a
 * minimum. The row's own target class is not used: it may lie outside the caller's grant.
 * A value exceeds when it is strictly above the limit (below for DO), as "不超过/不低于" reads.
 */
import { classLimits, type ClassParameter } from '#services/standards/water_quality'
import type { Limit } from '#services/visual/visual_stats'

export interface ExceedanceLimit extends Limit {
  unit: string
  standard: string
}

const GB3095 = 'GB 3095-2012 二级'
const ug = 'µg/m³'
const air = (value: number, averaging: string, unit = ug): ExceedanceLimit => ({
  value,
  direction: 'above',
  unit,
  standard: `${GB3095} ${averaging}`,
})

const CLASS_III = 2
const water = (parameter: ClassParameter): ExceedanceLimit => ({
  value: classLimits(parameter)![CLASS_III],
  direction: parameter === 'do' ? 'below' : 'above',
  unit: 'mg/L',
  standard: 'GB 3838-2002 Ⅲ类',
})

export const EXCEEDANCE_LIMITS: Readonly<
  Record<string, Readonly<Record<string, ExceedanceLimit>>>
> = {
  'EQ-AIR-002': {
    pm25: air(75, '24小时平均（小时值筛查）'),
    pm10: air(150, '24小时平均（小时值筛查）'),
    so2: air(500, '1小时平均'),
    no2: air(200, '1小时平均'),
    co: air(10, '1小时平均', 'mg/m³'),
    o3: air(200, '1小时平均'),
    o3_8h: air(160, '日最大8小时平均'),
  },
  'EQ-AIR-003': {
    pm25: air(75, '24小时平均'),
    pm10: air(150, '24小时平均'),
    so2: air(150, '24小时平均'),
    no2: air(80, '24小时平均'),
    co: air(4, '24小时平均', 'mg/m³'),
    o3_8h: air(160, '日最大8小时平均'),
  },
  'EQ-SW-002': {
    cod: water('cod'),
    codmn: water('codmn'),
    bod5: water('bod5'),
    nh3n: water('nh3n'),
    tp: water('tp'),
    dissolved_oxygen: water('do'),
  },
}

export function exceedanceLimit(datasetCode: string, field: string): ExceedanceLimit | undefined {
  return EXCEEDANCE_LIMITS[datasetCode]?.[field]
}
