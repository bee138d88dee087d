import db from '@adonisjs/lucid/services/db'
import { scopedQuery } from '#services/delivery/scoped_query'
import { rowArrayBatches } from '#services/delivery/row_stream'
import type { Access } from '#services/delivery/grant_access'
import { exceedanceLimit } from '#services/standards/exceedance_limits'
import type { StoreDataset } from '#services/stores/store_definition'
import type { VisualQuery } from '#services/visual/visual_query'
import {
  makeBucketer,
  summarise,
  type Bucket,
  type Limit,
  type Stat,
} from '#services/visual/visual_stats'

/*
 * The chart cells of a visual query, two ways with the same answer. Without percentiles the
 * database groups and counts (sqlSeries): one row per cell comes back instead of every scoped
 * row, which is what made a year of hourly data take seconds. Percentiles have no portable SQL
 * (SQLite has none, MariaDB only as a window function), so when one is asked every scoped row
 * is streamed in (group, time) order and summarised in Node (streamedSeries), one cell at a time.
 */
export type Point = Record<string, number | string | null>
export interface Series {
  group: string | null
  measure: string
  points: Point[]
}

const PERCENTILE_STATS: Stat[] = ['p50', 'p90', 'p95']

export function needsRows(stats: readonly Stat[]) {
  return stats.some((stat) => PERCENTILE_STATS.includes(stat))
}

/** Series keyed by group and measure in first-seen order: groups as the database sorts them. */
class SeriesSet {
  private out = new Map<string, Series>()
  push(group: string | null, measure: string, point: Point) {
    const id = `${group}\u0000${measure}`
    let target = this.out.get(id)
    if (!target) this.out.set(id, (target = { group, measure, points: [] }))
    target.points.push(point)
  }
  list() {
    return [...this.out.values()]
  }
}

/**
 * The China-time bucket of the time column as SQL: `label` gives the labels bucketOf() gives
 * ('YYYY-MM-DDTHH:00+08:00', 'YYYY-MM-DD', 'YYYY-MM'); `key`, when set, is what to group on
 * instead, and then `label` is an aggregate over the group. Date-times are stored in UTC and
 * shifted by the fixed +8 h (China has no daylight saving); calendar dates are the city's day.
 * MariaDB groups an integer (hours since year 0, TO_DAYS, YYYYMM) markedly faster than a
 * formatted string; SQLite's cost is its sort either way, so it groups the label itself.
 */
export function bucketSql(dialect: string, bucket: Bucket, type: 'date' | 'datetime') {
  const format = { hour: '%Y-%m-%dT%H:00+08:00', day: '%Y-%m-%d', month: '%Y-%m' }[bucket]
  if (dialect === 'sqlite' || dialect === 'better-sqlite3') {
    if (type === 'date')
      return { key: null, label: bucket === 'month' ? 'substr(??, 1, 7)' : 'substr(??, 1, 10)' }
    return { key: null, label: `strftime('${format}', ??, '+8 hours')` }
  }
  const local = type === 'date' ? '??' : '?? + INTERVAL 8 HOUR'
  const key = {
    // Whole hours: the +8 h shift moves no hour boundary.
    hour: 'TO_SECONDS(??) DIV 3600',
    day: `TO_DAYS(${local})`,
    month: `EXTRACT(YEAR_MONTH FROM ${local})`,
  }[bucket]
  const label = `DATE_FORMAT(MIN(??)${type === 'date' ? '' : ' + INTERVAL 8 HOUR'}, '${format}')`
  return { key, label }
}

function cellLimits(dataset: StoreDataset, query: VisualQuery) {
  return query.measures.map((m) => exceedanceLimit(dataset.code, m))
}

/**
 * count/min/max/avg/exceed per (group, bucket) in SQL. avg is SUM/COUNT divided here rather
 * than AVG(): MariaDB's AVG of an integer column is a DECIMAL rounded to 4 places. Exceedances
 * are a conditional COUNT over the same non-null values (a NULL compares to nothing).
 */
export async function sqlSeries(
  dataset: StoreDataset,
  access: Pick<Access, 'grant' | 'grantDataset'>,
  query: VisualQuery,
  bucket: Bucket,
  usage: { rows: number }
): Promise<Series[]> {
  const timeField = dataset.fields.find((f) => f.name === dataset.layout.timeField)!
  const limits = cellLimits(dataset, query)
  const builder = scopedQuery(dataset, access, { ...query.filters, sort: [] }, [], null, 1)
    .clearSelect()
    .clearLimit()
  const dialect = builder.client.dialect.name
  const type = timeField.type === 'date' ? 'date' : 'datetime'
  const { key, label } = bucketSql(dialect, bucket, type)
  builder.select(db.raw(`${label} as visual_bucket`, [timeField.name]))
  if (key) builder.select(db.raw(`${key} as visual_key`, [timeField.name]))
  const bucketColumn = key ? 'visual_key' : 'visual_bucket'
  if (query.groupColumn) builder.select(db.raw('?? as visual_group', [query.groupColumn]))
  builder.count('* as visual_rows')
  const wants = (stat: Stat) => query.stats.includes(stat)
  query.measures.forEach((measure, i) => {
    builder.count(`${measure} as c${i}`)
    if (wants('min')) builder.min(`${measure} as lo${i}`)
    if (wants('max')) builder.max(`${measure} as hi${i}`)
    // A double sum: MariaDB sums integers as DECIMAL, ~2× slower; integers stay exact below 2^53.
    if (wants('avg')) builder.select(db.raw(`SUM(?? + 0e0) as s${i}`, [measure]))
    const limit = limits[i]
    if (wants('exceed') && limit)
      builder.select(
        db.raw(
          `COUNT(CASE WHEN ?? ${limit.direction === 'above' ? '>' : '<'} ? THEN 1 END) as x${i}`,
          [measure, limit.value]
        )
      )
  })
  // Bucket first: SQLite would otherwise walk a (group, time) index row by row to group.
  builder.groupByRaw(query.groupColumn ? `${bucketColumn}, visual_group` : bucketColumn)
  if (query.groupColumn) builder.orderBy('visual_group', 'asc')
  builder.orderBy(bucketColumn, 'asc')

  const set = new SeriesSet()
  for (const row of await builder) {
    usage.rows += Number(row.visual_rows)
    const group = query.groupColumn ? ((row.visual_group as string | null) ?? null) : null
    query.measures.forEach((measure, i) => {
      const count = Number(row[`c${i}`])
      if (count === 0) return
      const point: Point = { bucket: row.visual_bucket }
      for (const stat of query.stats) point[stat] = cellStat(stat, row, i, count, limits[i])
      set.push(group, measure, point)
    })
  }
  return set.list()
}

function cellStat(
  stat: Stat,
  row: Record<string, unknown>,
  i: number,
  count: number,
  limit?: Limit
) {
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value))
  if (stat === 'count') return count
  if (stat === 'min') return number(row[`lo${i}`])
  if (stat === 'max') return number(row[`hi${i}`])
  if (stat === 'avg') return Number(row[`s${i}`]) / count
  if (stat === 'exceed') return limit ? Number(row[`x${i}`]) : null
  return null
}

/**
 * Every statistic in Node from the scoped rows read in (group, time) order, as arrays of only
 * the group, time and measure columns (no object or Date per row); a cell is summarised when
 * the next one starts, so one cell's values are in memory at a time and percentiles are exact.
 */
export async function streamedSeries(
  dataset: StoreDataset,
  access: Pick<Access, 'grant' | 'grantDataset'>,
  query: VisualQuery,
  bucket: Bucket,
  usage: { rows: number },
  rows: number
): Promise<Series[]> {
  const timeField = dataset.fields.find((f) => f.name === dataset.layout.timeField)!
  const limits = cellLimits(dataset, query)
  const sort = [
    ...(query.groupColumn ? [{ column: query.groupColumn, direction: 'asc' as const }] : []),
    { column: timeField.name, direction: 'asc' as const },
  ]
  const read = [...new Set([...sort.map((s) => s.column), ...query.measures])]
  const builder = scopedQuery(dataset, access, { ...query.filters, sort }, read, null, rows)
  const groupAt = query.groupColumn ? read.indexOf(query.groupColumn) : -1
  const timeAt = read.indexOf(timeField.name)
  const measureAt = query.measures.map((m) => read.indexOf(m))
  const bucketOf = makeBucketer(bucket, timeField.type === 'date' ? 'date' : 'datetime')
  const set = new SeriesSet()
  let cell: { group: string | null; bucket: string; values: number[][] } | null = null
  const flush = () => {
    if (!cell) return
    query.measures.forEach((measure, i) => {
      const values = cell!.values[i]
      if (values.length === 0) return
      set.push(cell!.group, measure, {
        bucket: cell!.bucket,
        ...summarise(values, query.stats, limits[i]),
      })
    })
  }
  for await (const batch of rowArrayBatches(builder)) {
    usage.rows += batch.length
    for (const row of batch) {
      const group = groupAt < 0 ? null : ((row[groupAt] as string | null) ?? null)
      const label = bucketOf(row[timeAt])
      if (!cell || cell.group !== group || cell.bucket !== label) {
        flush()
        cell = { group, bucket: label, values: query.measures.map(() => []) }
      }
      for (const [i, at] of measureAt.entries()) {
        const value = row[at]
        if (value !== null && value !== undefined) cell.values[i].push(Number(value))
      }
    }
  }
  flush()
  return set.list()
}
