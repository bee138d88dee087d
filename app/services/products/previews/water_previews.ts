import { openRows } from '#services/products/product_catalog'
import {
  dateText,
  latest,
  monthsBefore,
  percent,
} from '#services/products/previews/preview_helpers'

/*
 * Water products: class per section against its target for the latest month, and
 * drinking-water source compliance (latest month and the trailing 12 months).
 */
const CLASSES = ['I', 'II', 'III', 'IV', 'V', '劣V']

export async function waterMonthlyClass() {
  const monthly = (builder: ReturnType<typeof openRows>) => builder.where('period_type', 'monthly')
  const day = dateText(await latest('water_quality', 'sampled_on', monthly))
  if (!day) return { month: null, sections: [], compliantShare: null, classDistribution: [] }
  const rows = await monthly(openRows('water_quality'))
    .where('sampled_on', day)
    .select(
      'section_code',
      'district_code',
      'water_class',
      'target_class',
      'compliant',
      'exceeding_items'
    )
    .orderBy('section_code')
  const compliant = rows.filter((row: any) => Number(row.compliant) === 1).length
  const goodClass = rows.filter((row: any) => CLASSES.indexOf(row.water_class) <= 2).length
  return {
    month: day.slice(0, 7),
    sections: rows.map((row: any) => ({
      sectionCode: row.section_code,
      districtCode: row.district_code,
      waterClass: row.water_class,
      targetClass: row.target_class,
      compliant: Number(row.compliant) === 1,
      exceedingItems: row.exceeding_items ? String(row.exceeding_items).split(',') : [],
    })),
    compliantShare: percent(compliant, rows.length),
    /** 优良（I–III 类）比例, the national headline figure. */
    goodClassShare: percent(goodClass, rows.length),
    classDistribution: CLASSES.map((waterClass) => ({
      waterClass,
      sections: rows.filter((row: any) => row.water_class === waterClass).length,
    })),
  }
}

export async function drinkingWaterCompliance() {
  const day = dateText(await latest('drinking_water_quality', 'sampled_on'))
  if (!day) return { month: null, sources: [], trailing12Months: null }
  const rows = await openRows('drinking_water_quality')
    .where('sampled_on', day)
    .select('source_code', 'source_name', 'water_class', 'compliant', 'exceeding_items')
    .orderBy('source_code')
  const [trailing] = await openRows('drinking_water_quality')
    .where('sampled_on', '>', monthsBefore(day, 12))
    .count('* as samples')
    .sum('compliant as compliant')
  return {
    month: day.slice(0, 7),
    sources: rows.map((row: any) => ({
      sourceCode: row.source_code,
      sourceName: row.source_name,
      waterClass: row.water_class,
      compliant: Number(row.compliant) === 1,
      exceedingItems: row.exceeding_items ? String(row.exceeding_items).split(',') : [],
    })),
    trailing12Months: {
      samples: Number(trailing.samples),
      compliantShare: percent(Number(trailing.compliant ?? 0), Number(trailing.samples)),
    },
  }
}
