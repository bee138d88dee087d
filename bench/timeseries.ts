import db from '@adonisjs/lucid/services/db'
import dbConfig from '#config/database'
import { AIR_QUALITY_HOURLY } from '#database/data/datasets/environment_quality'
import { createStore } from '#services/stores/store_schema'
import { hourlyAqi, primaryLabel, stationSeries } from '#database/generator/air'
import { buildClimate } from '#database/generator/climate'
import { DISTRICT_MODELS } from '#database/generator/city_model'
import { Rng } from '#database/generator/random'
import { cstMidnight, HOUR_MS, monthStarts, sqlDateTime } from '#database/generator/time'
import { DatabaseSink } from '#database/generator/writer'

/*
 * Time-series slice benchmark (BENCHMARKS.md): fills the hourly air store of a separate
 * MariaDB database with synthetic stations (the generator's own model, since 2018-01-01)
 * up to the requested row count, then times "one station, one month, hourly, all
 * pollutants" for random station-months. Not a test: figures go to bench/results/.
 */
export const BENCH_CONNECTION = 'bench'
const START = '2018-01-01'
const END = '2026-11-01'
const TABLE = AIR_QUALITY_HOURLY.storeTable
const SLICE_COLUMNS = [
  'station_code',
  'observed_at',
  'pm25',
  'pm10',
  'so2',
  'no2',
  'co',
  'o3',
  'o3_8h',
  'aqi',
  'aqi_level',
  'primary_pollutant',
]

export interface FillReport {
  stations: number
  rows: number
  seconds: number
  rowsPerSecond: number
}

export async function connectBench(database: string) {
  const base = dbConfig.connections.mysql as any
  const admin = await import('mysql2/promise')
  const server = await admin.createConnection({ ...base.connection, database: undefined })
  await server.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4`)
  await server.end()
  if (!db.manager.has(BENCH_CONNECTION)) {
    db.manager.add(BENCH_CONNECTION, {
      ...base,
      connection: { ...base.connection, database },
      pool: { min: 0, max: 2 },
    })
  }
  return db.connection(BENCH_CONNECTION)
}

export async function tableRows(): Promise<number> {
  const client = db.connection(BENCH_CONNECTION)
  const [rows] = await client.rawQuery(
    `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?`,
    [TABLE]
  )
  if (Number(rows[0].n) === 0) return 0
  const [count] = await client.rawQuery(`SELECT COUNT(*) AS n FROM \`${TABLE}\``)
  return Number(count[0].n)
}

/** Recreates the table and fills it; `onProgress` gets rows written so far. */
/**
 * Fills the table up to `targetRows`: recreates it when `existing` is 0, otherwise appends
 * further stations (a top-up keeps the rows already there). `onProgress` gets rows written.
 */
export async function fill(
  targetRows: number,
  existing: number,
  onProgress: (rows: number, rowsPerSecond: number) => void
): Promise<FillReport> {
  const client = db.connection(BENCH_CONNECTION)
  if (existing === 0) {
    await client.rawQuery(`DROP TABLE IF EXISTS \`${TABLE}\``)
    const schema = client.schema
    createStore(schema, client.dialect.name, AIR_QUALITY_HOURLY)
    await schema
  }
  const [present] = await client.rawQuery(
    `SELECT COUNT(DISTINCT station_code) AS n FROM \`${TABLE}\` WHERE observed_at < '2018-01-02'`
  )
  const started = Date.now()
  const climate = buildClimate(new Rng(2026, 'bench/climate'), cstMidnight(START), cstMidnight(END))
  const sink = new DatabaseSink(client, targetRows - existing, ({ written, rowsPerSecond }) =>
    onProgress(written, rowsPerSecond)
  )
  const open = {
    classification_level: 'public',
    sharing_scope: 'open',
    label_updated_at: sqlDateTime(cstMidnight(END)),
  }
  let queued = 0
  let s = Number(present[0].n)
  for (; existing + queued < targetRows; s++) {
    const code = `BS${String(s + 1).padStart(4, '0')}`
    const district = DISTRICT_MODELS[s % DISTRICT_MODELS.length]
    const pending: Record<string, string | number | null>[] = []
    stationSeries(new Rng(2026, `bench/${code}`), { district }, climate, (h, values) => {
      if (!values) return
      const result = hourlyAqi(values)
      pending.push({
        station_code: code,
        observed_at: sqlDateTime(climate.start + h * HOUR_MS),
        district_code: district.code,
        ...values,
        aqi: result.aqi,
        aqi_level: result.band.level,
        primary_pollutant: primaryLabel(result.primaryPollutants),
        ...open,
      })
    })
    queued += pending.length
    for (const row of pending) await sink.write(TABLE, row)
  }
  await sink.flushAll()
  const seconds = (Date.now() - started) / 1000
  return {
    stations: s,
    rows: sink.written,
    seconds,
    rowsPerSecond: Math.round(sink.written / seconds),
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export interface SliceReport {
  queries: number
  meanRows: number
  p50: number
  p95: number
  p99: number
  max: number
}

export type SliceMode = 'builder' | 'labels' | 'raw'

/*
 * Times the slice for random (station, month) pairs. `builder` goes through Lucid's query
 * builder as the data API does, `labels` adds the open-data label filter, `raw` sends the
 * same SQL as a plain statement (driver + server only, no query building).
 */
export async function measureSlices(
  queries: number,
  seed: number,
  mode: SliceMode
): Promise<SliceReport> {
  const client = db.connection(BENCH_CONNECTION)
  const [stationRows] = await client.rawQuery(
    `SELECT DISTINCT station_code FROM \`${TABLE}\` WHERE observed_at < '2018-01-02'`
  )
  const stations: string[] = stationRows.map((row: any) => row.station_code)
  const months = monthStarts(cstMidnight(START), cstMidnight(END))
  const rng = new Rng(seed, 'bench/slices')
  const rawSql = `SELECT ${SLICE_COLUMNS.join(',')} FROM \`${TABLE}\` WHERE station_code = ? AND observed_at >= ? AND observed_at < ? ORDER BY observed_at`
  const timings: number[] = []
  let rows = 0
  for (let i = 0; i < queries; i++) {
    const month = rng.pick(months)
    const next = months[months.indexOf(month) + 1] ?? END
    const args = [
      rng.pick(stations),
      sqlDateTime(cstMidnight(month)),
      sqlDateTime(cstMidnight(next)),
    ] as const
    const started = process.hrtime.bigint()
    const result = mode === 'raw' ? await client.rawQuery(rawSql, [...args]) : null
    const sliceRows = result ? result[0] : await sliceQuery(args, mode === 'labels')
    timings.push(Number(process.hrtime.bigint() - started) / 1e6)
    rows += sliceRows.length
  }
  timings.sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 100) / 100
  return {
    queries,
    meanRows: Math.round(rows / queries),
    p50: round(percentile(timings, 50)),
    p95: round(percentile(timings, 95)),
    p99: round(percentile(timings, 99)),
    max: round(timings[timings.length - 1]),
  }
}

function sliceQuery([station, from, to]: readonly [string, string, string], labels: boolean) {
  const query = db
    .connection(BENCH_CONNECTION)
    .from(TABLE)
    .select(SLICE_COLUMNS)
    .where('station_code', station)
    .where('observed_at', '>=', from)
    .where('observed_at', '<', to)
    .orderBy('observed_at')
  if (labels) query.where('sharing_scope', 'open').where('classification_level', 'public')
  return query
}

/** EXPLAIN PARTITIONS of one slice: shows the month pruning and the primary-key range. */
export async function explainSlice() {
  const client = db.connection(BENCH_CONNECTION)
  const [rows] = await client.rawQuery(
    `EXPLAIN PARTITIONS SELECT ${SLICE_COLUMNS.join(',')} FROM \`${TABLE}\` WHERE station_code = 'BS0001' AND observed_at >= '2024-01-31 16:00:00' AND observed_at < '2024-02-29 16:00:00' ORDER BY observed_at`
  )
  return rows.map((row: any) => ({
    partitions: row.partitions,
    type: row.type,
    key: row.key,
    rows: row.rows,
    extra: row.Extra,
  }))
}
