import {
  assessCompliance,
  classLimits,
  type ClassParameter,
  type TargetClass,
  type WaterSample,
} from '#services/standards/water_quality'
import type { GeneratorContext } from '#database/generator/context'
import { round, type Section } from '#database/generator/city_model'
import type { Rng } from '#database/generator/random'
import { cstMidnight, DAY_MS, monthStarts, winterness } from '#database/generator/time'

/*
 * Surface-water samples per section (monthly for all, weekly for national sections) and
 * drinking-water sources, classified with GB 3838-2002. Each parameter sits around its
 * target-class limit scaled by the section's load; lakes get summer phosphorus, rivers
 * winter ammonia (low flow), and dissolved oxygen falls in warm water.
 */
const TARGET_INDEX: Record<TargetClass, number> = { I: 0, II: 1, III: 2, IV: 3, V: 4 }
const PARAMETERS: ClassParameter[] = ['codmn', 'cod', 'bod5', 'nh3n', 'tp']

function sample(
  rng: Rng,
  section: Pick<Section, 'waterBodyType' | 'target' | 'load'>,
  t: number,
  load: number
): WaterSample {
  const w = winterness(t)
  const body = section.waterBodyType
  const values: WaterSample = {}
  for (const parameter of PARAMETERS) {
    const limit = classLimits(parameter, body)![TARGET_INDEX[section.target]]
    const seasonal =
      parameter === 'tp' && body === 'lake'
        ? 1 + 0.35 * (1 - w)
        : parameter === 'nh3n' && body === 'river'
          ? 1 + 0.3 * w
          : 1
    values[parameter] = round(
      limit * 0.72 * load * seasonal * rng.logNormal(1, 0.22),
      parameter === 'tp' || parameter === 'nh3n' ? 3 : 1
    )
  }
  const doLimit = classLimits('do', body)![TARGET_INDEX[section.target]]
  values.do = round(
    Math.min(
      12,
      Math.max(1.5, (doLimit + 1.6 + 2.2 * w) / Math.max(0.7, load) + rng.normal(0, 0.5))
    ),
    1
  )
  values.ph = round(7.6 + rng.normal(0, 0.35), 2)
  return values
}

function assessedRow(
  ctx: GeneratorContext,
  values: WaterSample,
  target: TargetClass,
  body: 'river' | 'lake'
) {
  const result = assessCompliance(values, target, { waterBody: body })
  return {
    ph: values.ph!,
    dissolved_oxygen: values.do!,
    codmn: values.codmn!,
    cod: values.cod!,
    bod5: values.bod5!,
    nh3n: values.nh3n!,
    tp: values.tp!,
    water_class: result.waterClass,
    target_class: target,
    compliant: result.compliant ? 1 : 0,
    exceeding_items: result.exceeding.map((e) => e.parameter).join(',') || null,
    ...ctx.open,
  }
}

export async function generateWaterQuality(ctx: GeneratorContext, sections: Section[]) {
  for (const section of sections) {
    const rng = ctx.rng(`water/${section.code}`)
    // Pollution loads fall slowly over the years (治水成效), about 3 % a year.
    const loadAt = (t: number) =>
      section.load * (1 - 0.03 * ((t - ctx.start) / (365 * DAY_MS))) * rng.logNormal(1, 0.06)
    for (const month of monthStarts(ctx.start, ctx.end)) {
      const t = cstMidnight(month) + 9 * DAY_MS
      if (t >= ctx.end) continue
      const values = sample(rng, section, t, loadAt(t))
      await ctx.sink.write('water_quality', {
        section_code: section.code,
        period_type: 'monthly',
        sampled_on: `${month.slice(0, 8)}10`,
        district_code: section.district.code,
        ...assessedRow(ctx, values, section.target, section.waterBodyType),
      })
    }
    if (section.level !== '国考') continue
    // Weekly automatic-station values, on Mondays.
    const firstMonday =
      ctx.start + ((8 - new Date(ctx.start + 8 * 3_600_000).getUTCDay()) % 7) * DAY_MS
    for (let t = firstMonday; t < ctx.end; t += 7 * DAY_MS) {
      const values = sample(rng, section, t, loadAt(t))
      await ctx.sink.write('water_quality', {
        section_code: section.code,
        period_type: 'weekly',
        sampled_on: new Date(t + 8 * 3_600_000).toISOString().slice(0, 10),
        district_code: section.district.code,
        ...assessedRow(ctx, values, section.target, section.waterBodyType),
      })
    }
  }
  await generateDrinkingWater(
    ctx,
    sections.filter((s) => s.drinking)
  )
}

async function generateDrinkingWater(ctx: GeneratorContext, sources: Section[]) {
  for (const [i, section] of sources.entries()) {
    const rng = ctx.rng(`drinking/${section.code}`)
    for (const month of monthStarts(ctx.start, ctx.end)) {
      const t = cstMidnight(month) + 4 * DAY_MS
      if (t >= ctx.end) continue
      const values = sample(rng, { ...section, target: 'III' }, t, 0.7 * rng.logNormal(1, 0.12))
      await ctx.sink.write('drinking_water_quality', {
        source_code: `DW${String(i + 1).padStart(3, '0')}`,
        source_name: `${section.waterBody}${section.district.name}饮用水水源地`,
        sampled_on: `${month.slice(0, 8)}05`,
        district_code: section.district.code,
        ...assessedRow(ctx, values, 'III', section.waterBodyType),
      })
    }
  }
}
