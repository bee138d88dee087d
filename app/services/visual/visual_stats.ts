/*
 * Statistics of one chart cell (a group × a time bucket × a measure), computed in Node from
 * the values the database streams in (group, time) order. The same code runs on SQLite and
 * MariaDB, so both give identical numbers; only one cell's values are held at a time.
 */
export const STATS = ['count', 'min', 'avg', 'max', 'p50', 'p90', 'p95', 'exceed'] as const
export type Stat = (typeof STATS)[number]

export const BUCKETS = ['hour', 'day', 'month'] as const
export type Bucket = (typeof BUCKETS)[number]

/** The city's clock: China has kept UTC+8 without daylight saving since 1991. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000

export interface Limit {
  value: number
  /** 'below' for parameters where less is worse (dissolved oxygen). */
  direction: 'above' | 'below'
}

/**
 * Percentile by linear interpolation between closest ranks (h = (n − 1)·p), the definition of
 * SQL PERCENTILE_CONT, Excel PERCENTILE.INC and numpy's default. `sorted` ascending, non-empty.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo])
}

const PERCENTILES: Partial<Record<Stat, number>> = { p50: 0.5, p90: 0.9, p95: 0.95 }

/** The asked statistics of one cell's values; null where there is no value. */
export function summarise(
  values: number[],
  stats: readonly Stat[],
  limit?: Limit
): Partial<Record<Stat, number | null>> {
  const out: Partial<Record<Stat, number | null>> = {}
  const n = values.length
  const needsSort = stats.some((s) => s in PERCENTILES)
  const sorted = needsSort ? Float64Array.from(values).sort() : null
  for (const stat of stats) {
    if (stat === 'count') out.count = n
    else if (stat === 'exceed')
      out.exceed = limit
        ? values.filter((v) => (limit.direction === 'above' ? v > limit.value : v < limit.value))
            .length
        : null
    else if (n === 0) out[stat] = null
    else if (stat === 'min') out.min = values.reduce((a, b) => (b < a ? b : a))
    else if (stat === 'max') out.max = values.reduce((a, b) => (b > a ? b : a))
    else if (stat === 'avg') out.avg = values.reduce((a, b) => a + b, 0) / n
    else out[stat] = percentile(sorted!, PERCENTILES[stat]!)
  }
  return out
}

/**
 * The China-time bucket of a stored time, given as formatValue() returns it: ISO UTC date-time
 * ('2026-01-01T16:00:00Z' → day '2026-01-02') or a calendar date ('2026-01-01', already the
 * city's day). Labels: hour 'YYYY-MM-DDTHH:00+08:00', day 'YYYY-MM-DD', month 'YYYY-MM'.
 */
export function bucketOf(value: string, bucket: Bucket): string {
  if (value.length === 10) return bucket === 'month' ? value.slice(0, 7) : value
  const local = new Date(Date.parse(value) + CHINA_OFFSET_MS).toISOString()
  if (bucket === 'hour') return `${local.slice(0, 13)}:00+08:00`
  return bucket === 'day' ? local.slice(0, 10) : local.slice(0, 7)
}

/**
 * bucketOf() for a stream of stored values (SQLite text, MariaDB Date), cheap per row: the
 * label is only recomputed when the row leaves the last one's day or hour, which rows read in
 * time order rarely do.
 */
export function makeBucketer(bucket: Bucket, type: 'date' | 'datetime') {
  const offset = type === 'datetime' ? CHINA_OFFSET_MS : 0
  const size = bucket === 'hour' ? 3600_000 : 86_400_000
  let lastSlot = Number.NaN
  let lastLabel = ''
  return (value: unknown): string => {
    const ms =
      value instanceof Date
        ? value.getTime()
        : Date.parse(
            type === 'date'
              ? `${String(value).slice(0, 10)}T00:00:00Z`
              : `${String(value).replace(' ', 'T')}Z`
          )
    const slot = Math.floor((ms + offset) / size)
    if (slot !== lastSlot) {
      lastSlot = slot
      const iso = new Date(ms).toISOString()
      lastLabel = bucketOf(type === 'date' ? iso.slice(0, 10) : iso, bucket)
    }
    return lastLabel
  }
}

/** How many buckets lie between two stored times, both included (an upper bound for the cap). */
export function bucketSpan(first: string, last: string, bucket: Bucket): number {
  const start = bucketStart(bucketOf(first, bucket))
  const end = bucketStart(bucketOf(last, bucket))
  if (bucket === 'month') {
    const months = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth()
    return months(end) - months(start) + 1
  }
  const size = bucket === 'hour' ? 3600_000 : 86_400_000
  return Math.round((end.getTime() - start.getTime()) / size) + 1
}

function bucketStart(label: string): Date {
  if (label.length === 7) return new Date(`${label}-01T00:00:00Z`)
  if (label.length === 10) return new Date(`${label}T00:00:00Z`)
  return new Date(label.replace('+08:00', ':00Z'))
}
