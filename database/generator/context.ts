import { Rng } from '#database/generator/random'
import type { RowSink } from '#database/generator/writer'
import { cstDate, cstMidnight, DAY_MS } from '#database/generator/time'
import type { ClassificationLevel, SharingScope } from '#services/catalog/record_labels'

/*
 * What every generator module receives: the time window, the seed's random streams, the
 * row sink and the label timestamp. Everything is derived from (seed, scale, end), never
 * from the wall clock, so a run can be reproduced exactly.
 */
export const SCALES = ['small', 'medium', 'large'] as const
export type Scale = (typeof SCALES)[number]

/** History per scale: small the last 12 months, medium 3 years, large since 2018-01-01. */
export function historyStart(scale: Scale, endDate: string): string {
  if (scale === 'large') return '2018-01-01'
  const years = scale === 'medium' ? 3 : 1
  return `${Number(endDate.slice(0, 4)) - years}${endDate.slice(4, 8)}01`
}

export interface GeneratorOptions {
  scale: Scale
  seed: number
  /** CST date after the last generated day (exclusive), normally today. */
  endDate: string
  /** Overrides the scale's first day (tests use a few days). */
  startDate?: string
}

export interface Labels {
  classification_level: ClassificationLevel
  sharing_scope: SharingScope
  label_updated_at: string
}

export class GeneratorContext {
  readonly start: number
  readonly end: number
  readonly startDate: string
  readonly endDate: string
  readonly labelTime: string

  constructor(
    readonly options: GeneratorOptions,
    readonly sink: RowSink
  ) {
    this.endDate = options.endDate
    this.startDate = options.startDate ?? historyStart(options.scale, options.endDate)
    this.start = cstMidnight(this.startDate)
    this.end = cstMidnight(this.endDate)
    this.labelTime = `${cstDate(this.end - DAY_MS)} 16:00:00`
  }

  rng(stream: string): Rng {
    return new Rng(this.options.seed, stream)
  }

  labels(classification: ClassificationLevel, scope: SharingScope): Labels {
    return {
      classification_level: classification,
      sharing_scope: scope,
      label_updated_at: this.labelTime,
    }
  }

  /** Open to the public (开放): the only rows anonymous callers ever receive. */
  get open(): Labels {
    return this.labels('public', 'open')
  }

  get years(): number[] {
    const years: number[] = []
    for (let y = Number(this.startDate.slice(0, 4)); y <= Number(this.endDate.slice(0, 4)); y++)
      years.push(y)
    return years
  }
}
