/*
 * Data API streaming (BENCHMARKS.md): rows/s of a 1 000 000-row scoped query through
 * GET /api/v1/data/:code/records as JSON and CSV, against the raw mysql2 stream of the same SQL
 * in the same run, and the server's peak RSS while it streams.
 *   npm run bench delivery                       # MariaDB/MySQL, database DELIVERY_BENCH_DATABASE (ecoshare_delivery)
 *   DB_CONNECTION=sqlite npm run bench delivery  # SQLite, tmp/bench-delivery.sqlite3 (raw = better-sqlite3 iterate)
 * The server is the compiled build (`node ace build`, run first); DELIVERY_BENCH_SERVER=dev
 * measures the development server instead. After the build's rounds the dev server's idle and
 * 1M-row RSS are measured too (DELIVERY_BENCH_DEV=0 skips that), as both are quoted.
 * The table gets 1 200 000 rows; the grant's row scope (one district) selects 1 000 000 of them.
 * Target: ≥ 0.5 × raw, RSS flat (≤ 200 MB) however many rows.
 */
import http from 'node:http'
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { randomBytes } from 'node:crypto'
import { loadavg } from 'node:os'
import { bootApp } from './support/app.js'
import { freshAirStore } from './support/air_store.js'
import { buildApp, rssMb, startServer, stopServer, type ServerKind } from './support/server.js'
import { nowMs, writeResult } from './support/stats.js'

const IN_SCOPE = Number(process.env.DELIVERY_BENCH_ROWS ?? 1_000_000)
const STATIONS_IN = 100
const STATIONS_OUT = 20
const HOURS = Math.ceil(IN_SCOPE / STATIONS_IN)
const PORT = Number(process.env.DELIVERY_BENCH_PORT ?? 3391)
const dbKind = process.env.DB_CONNECTION === 'sqlite' ? 'sqlite' : 'mysql'
process.env.DB_CONNECTION = dbKind
// The bench drops and refills its database.
process.env.DB_DATABASE = process.env.DELIVERY_BENCH_DATABASE ?? 'ecoshare_delivery'
process.env.SQLITE_FILE = process.env.DELIVERY_BENCH_SQLITE ?? 'tmp/bench-delivery.sqlite3'
const SqliteDatabase = createRequire(import.meta.url)('better-sqlite3')
process.env.GRANT_ROWS_PER_DAY = '1000000000'
process.env.LOG_LEVEL ??= 'warn'

const mysql = await import('mysql2')
const config = {
  host: process.env.DB_HOST ?? '127.0.0.1',
  user: process.env.DB_USER ?? 'root',
  password: process.env.DB_PASSWORD ?? '',
}
if (dbKind === 'mysql') {
  const admin = mysql.createConnection(config).promise()
  await admin.query(
    `CREATE DATABASE IF NOT EXISTS \`${process.env.DB_DATABASE}\` CHARACTER SET utf8mb4`
  )
  await admin.end()
}

const COLUMNS =
  'station_code, observed_at, district_code, pm25, pm10, so2, no2, co, o3, o3_8h, aqi, aqi_level, primary_pollutant, classification_level, sharing_scope, label_updated_at'

/** Multi-row inserts straight to the driver, as the demo generator does. */
async function writer() {
  if (dbKind === 'mysql') {
    const raw = mysql.createConnection({ ...config, database: process.env.DB_DATABASE }).promise()
    return {
      insert: async (values: unknown[][]) => {
        await raw.query(`INSERT INTO air_quality_hourly (${COLUMNS}) VALUES ?`, [values])
      },
      end: () => raw.end(),
    }
  }
  const file = new SqliteDatabase(app.makePath(process.env.SQLITE_FILE!))
  file.pragma('journal_mode = WAL')
  const row = `(${COLUMNS.split(',')
    .map(() => '?')
    .join(',')})`
  return {
    insert: async (values: unknown[][]) => {
      const insert = file.transaction(() => {
        for (let i = 0; i < values.length; i += 500) {
          const chunk = values.slice(i, i + 500)
          file
            .prepare(
              `INSERT INTO air_quality_hourly (${COLUMNS}) VALUES ${chunk.map(() => row).join(',')}`
            )
            .run(...chunk.flat())
        }
      })
      insert()
    },
    end: async () => file.close(),
  }
}

const app = await bootApp()
const { default: db } = await import('@adonisjs/lucid/services/db')
const { DateTime } = await import('luxon')

async function fill() {
  await freshAirStore(app)
  const raw = await writer()
  const start = Date.UTC(2025, 0, 1)
  const started = nowMs()
  for (let s = 0; s < STATIONS_IN + STATIONS_OUT; s++) {
    const station = `BS${String(s).padStart(3, '0')}`
    const district = s < STATIONS_IN ? '420102' : '420107'
    for (let h0 = 0; h0 < HOURS; h0 += 2500) {
      const values: unknown[][] = []
      for (let h = h0; h < Math.min(HOURS, h0 + 2500); h++) {
        const pm25 = 20 + ((s * 7 + h) % 80)
        values.push([
          station,
          new Date(start + h * 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
          district,
          pm25,
          pm25 * 1.6,
          8,
          30,
          0.8,
          40,
          35,
          pm25 * 2,
          pm25 > 75 ? 3 : 2,
          'PM2.5',
          'public',
          'open',
          '2026-01-01 00:00:00',
        ])
      }
      await raw.insert(values)
    }
  }
  await raw.end()
  const total = (STATIONS_IN + STATIONS_OUT) * HOURS
  console.log(`  filled ${total} rows in ${((nowMs() - started) / 1000).toFixed(1)} s`)
}

/** A grant through the same action the workflow calls, and a key for it. */
async function grantAndKey() {
  const { default: User } = await import('#models/user')
  const { default: DataRequest } = await import('#models/data_request')
  const { default: ProvisionGrant } = await import('#actions/delivery/provision_grant')
  const { default: ManageApiKeys } = await import('#actions/delivery/manage_api_keys')
  const { SYSTEM_ACTOR } = await import('#services/audit/audit_log')
  const user = await User.findByOrFail('username', 'applicant')
  const validUntil = DateTime.now().plus({ days: 30 }).toISODate()!
  const request = await DataRequest.create({
    code: `REQ-20260101-${randomBytes(4).toString('hex').toUpperCase()}`,
    applicantId: user.id,
    applicantOrgId: user.organisationId,
    status: 'approved',
    form: {
      datasets: ['EQ-AIR-002'],
      fields: [],
      rowScope: 'district_code=420102',
      purpose: 'benchmark',
      scenario: 'benchmark',
      legalBasis: 'benchmark',
      validUntil,
      deliveryModes: ['api'],
      contact: 'bench',
      appealJustification: null,
    },
    datasetCodes: ['EQ-AIR-002'],
    approvedCodes: ['EQ-AIR-002'],
    processInstanceId: null,
    outcomeReason: null,
    version: 1,
    submittedAt: DateTime.now(),
  })
  const provisioned = await new ProvisionGrant().handle({
    grantCode: `grant-${request.code}`,
    requestCode: request.code,
    approvedDatasets: ['EQ-AIR-002'],
    validUntil,
  })
  const { secret } = await new ManageApiKeys().issue(
    user,
    { name: 'bench', grantIds: [provisioned!.grant.id] },
    SYSTEM_ACTOR
  )
  return { secret, grantId: provisioned!.grant.id }
}

/** The SQL the data API runs for this grant and query, for the raw driver to run too. */
async function sameSql(grantId: number) {
  const { default: Grant } = await import('#models/grant')
  const { STORE_DATASETS } = await import('#database/data/datasets/index')
  const { parseDataQuery } = await import('#services/delivery/data_query')
  const { scopedQuery, selectedColumns } = await import('#services/delivery/scoped_query')
  const grant = await Grant.query().where('id', grantId).preload('datasets').firstOrFail()
  const dataset = STORE_DATASETS.find((d) => d.code === 'EQ-AIR-002')!
  const query = parseDataQuery(dataset, { limit: String(IN_SCOPE) })
  const access = { grant, grantDataset: grant.datasets[0] }
  const { read } = selectedColumns(query, access.grantDataset, dataset)
  return scopedQuery(dataset, access, query, read, null, IN_SCOPE).toSQL().toNative()
}

/*
 * The driver alone on the same SQL: its default rows (objects, and a Date per DATETIME from
 * mysql2) — the figure the target is set against — or `arrays`, the driver's fastest mode
 * (better-sqlite3 `.raw()`, mysql2 `rowsAsArray` + `dateStrings`), which the data API now uses.
 */
function rawStream(sql: string, bindings: readonly unknown[], arrays = false) {
  if (dbKind === 'sqlite') {
    const reader = new SqliteDatabase(app.makePath(process.env.SQLITE_FILE!), { readonly: true })
    const started = nowMs()
    let rows = 0
    for (const row of reader
      .prepare(sql)
      .raw(arrays)
      .iterate(...bindings))
      if (row) rows++
    reader.close()
    return Promise.resolve({ rows, seconds: (nowMs() - started) / 1000 })
  }
  return new Promise<{ rows: number; seconds: number }>((resolve, reject) => {
    const connection = mysql.createConnection({ ...config, database: process.env.DB_DATABASE })
    const started = nowMs()
    let rows = 0
    const options = arrays ? { sql, rowsAsArray: true, dateStrings: true } : { sql }
    connection
      .query(options, [...bindings] as any[])
      .stream({ highWaterMark: 500 })
      .on('data', () => rows++)
      .on('error', reject)
      .on('end', () => {
        connection.end()
        resolve({ rows, seconds: (nowMs() - started) / 1000 })
      })
  })
}

function viaApi(secret: string, format: 'json' | 'csv', rows: number, pid: number) {
  return new Promise<{ bytes: number; seconds: number; peakRssMb: number; status: number }>(
    (resolve, reject) => {
      let peak = rssMb(pid)
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50)
      const started = nowMs()
      let bytes = 0
      http
        .get(
          {
            host: '127.0.0.1',
            port: PORT,
            path: `/api/v1/data/EQ-AIR-002/records?limit=${rows}&format=${format}`,
            headers: { 'X-API-Key': secret },
          },
          (response) => {
            response.on('data', (chunk: Buffer) => (bytes += chunk.length))
            response.on('end', () => {
              clearInterval(sampler)
              resolve({
                bytes,
                seconds: (nowMs() - started) / 1000,
                peakRssMb: peak,
                status: response.statusCode ?? 0,
              })
            })
          }
        )
        .on('error', reject)
    }
  )
}

const loadBefore = loadavg()
console.log(`delivery bench: ${IN_SCOPE} scoped rows on ${dbKind}`)
// DELIVERY_BENCH_REUSE=1 keeps the rows of the previous run (filling takes minutes).
const [{ total }] = await db
  .from('air_quality_hourly')
  .count('* as total')
  .catch(() => [{ total: 0 }])
if (process.env.DELIVERY_BENCH_REUSE && Number(total) === (STATIONS_IN + STATIONS_OUT) * HOURS)
  console.log(`  reusing ${total} rows`)
else await fill()
const { secret, grantId } = await grantAndKey()
const { sql, bindings } = await sameSql(grantId)
await db.manager.closeAll()

spawnSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' })
const serverKind: ServerKind = process.env.DELIVERY_BENCH_SERVER === 'dev' ? 'dev' : 'build'
// As bin/start.js runs the server (see docs/delivery.md "Benchmark" for why); '' for V8's defaults.
const nodeFlags = (
  process.env.DELIVERY_BENCH_NODE_FLAGS ?? '--max-semi-space-size=4 --heap-growing-percent=20'
)
  .split(' ')
  .filter(Boolean)
if (serverKind === 'build') buildApp()
const server = await startServer({ kind: serverKind, port: PORT, nodeFlags })
const idleRss = rssMb(server.pid!)

// Warm both paths (JIT, buffer pool) on a smaller slice first.
await viaApi(secret, 'json', 50_000, server.pid!)
await rawStream(sql.replace(/limit \?$/i, 'limit 50000'), bindings.slice(0, -1))

// Interleaved rounds: the machine is shared and noisy, so each API run sits between raw runs.
const ROUNDS = Number(process.env.DELIVERY_BENCH_ROUNDS ?? 2)
const raws: { rows: number; seconds: number }[] = []
const rawArrays: { rows: number; seconds: number }[] = []
const jsons: Awaited<ReturnType<typeof viaApi>>[] = []
const csvs: Awaited<ReturnType<typeof viaApi>>[] = []
for (let round = 0; round < ROUNDS; round++) {
  raws.push(await rawStream(sql, bindings))
  rawArrays.push(await rawStream(sql, bindings, true))
  jsons.push(await viaApi(secret, 'json', IN_SCOPE, server.pid!))
  raws.push(await rawStream(sql, bindings))
  rawArrays.push(await rawStream(sql, bindings, true))
  csvs.push(await viaApi(secret, 'csv', IN_SCOPE, server.pid!))
}
raws.push(await rawStream(sql, bindings))
const small = await viaApi(secret, 'json', 100_000, server.pid!)
await stopServer(server)

// The development server's memory, for comparison (ts-exec loader, hot-hook, no build).
let dev: { idleRssMb: number; peakRss1MRowsMb: number; jsonRowsPerSecond: number } | null = null
if (serverKind === 'build' && process.env.DELIVERY_BENCH_DEV !== '0') {
  // V8's defaults, as `node ace serve` runs it.
  const devServer = await startServer({ kind: 'dev', port: PORT })
  const devIdle = rssMb(devServer.pid)
  await viaApi(secret, 'json', 50_000, devServer.pid)
  const run = await viaApi(secret, 'json', IN_SCOPE, devServer.pid)
  await stopServer(devServer)
  dev = {
    idleRssMb: devIdle,
    peakRss1MRowsMb: run.peakRssMb,
    jsonRowsPerSecond: Math.round(IN_SCOPE / run.seconds),
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const rawRate = median(raws.map((r) => r.rows / r.seconds))
const rawArrayRate = median(rawArrays.map((r) => r.rows / r.seconds))
const summary = (runs: Awaited<ReturnType<typeof viaApi>>[]) => {
  const rowsPerSecond = Math.round(median(runs.map((r) => IN_SCOPE / r.seconds)))
  return {
    rowsPerSecond,
    ratio: +(rowsPerSecond / rawRate).toFixed(2),
    ratioToRawArrays: +(rowsPerSecond / rawArrayRate).toFixed(2),
    bytes: runs[0].bytes,
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    seconds: runs.map((r) => +r.seconds.toFixed(2)),
  }
}
const json = summary(jsons)
const csv = summary(csvs)
const result = {
  raw_driver:
    dbKind === 'mysql' ? 'mysql2 query stream' : 'better-sqlite3 iterate (read-only connection)',
  measuredAt: new Date().toISOString(),
  rows: IN_SCOPE,
  tableRows: (STATIONS_IN + STATIONS_OUT) * HOURS,
  rounds: ROUNDS,
  server:
    serverKind === 'build'
      ? 'node build/bin/server.js'
      : 'node --import @poppinss/ts-exec bin/server.ts',
  nodeFlags,
  loadAverage: { before: loadBefore, after: loadavg() },
  raw: { rowsPerSecond: Math.round(rawRate), seconds: raws.map((r) => +r.seconds.toFixed(2)) },
  rawArrays: {
    rowsPerSecond: Math.round(rawArrayRate),
    seconds: rawArrays.map((r) => +r.seconds.toFixed(2)),
  },
  json,
  csv,
  memory: {
    idleRssMb: idleRss,
    peakRss100kRowsMb: small.peakRssMb,
    peakRss1MRowsMb: Math.max(json.peakRssMb, csv.peakRssMb),
    devServer: dev,
  },
  sql,
}
const failed = [...jsons, ...csvs, small].some((r) => r.status !== 200)
if ([...raws, ...rawArrays].some((r) => r.rows !== IN_SCOPE) || failed)
  throw new Error('unexpected row count or status')
console.log(`  raw driver stream   ${result.raw.rowsPerSecond} rows/s (median of ${raws.length})`)
console.log(
  `  raw, arrays         ${result.rawArrays.rowsPerSecond} rows/s (median of ${rawArrays.length})`
)
console.log(
  `  data API JSON       ${json.rowsPerSecond} rows/s (${json.ratio}× raw, ${json.ratioToRawArrays}× raw arrays), ${(json.bytes / 1e6).toFixed(0)} MB`
)
console.log(
  `  data API CSV        ${csv.rowsPerSecond} rows/s (${csv.ratio}× raw, ${csv.ratioToRawArrays}× raw arrays), ${(csv.bytes / 1e6).toFixed(0)} MB`
)
console.log(
  `  ${serverKind} server RSS idle ${idleRss} MB, peak at 100k rows ${small.peakRssMb} MB, at 1M rows ${result.memory.peakRss1MRowsMb} MB`
)
if (dev)
  console.log(
    `  dev server RSS idle ${dev.idleRssMb} MB, peak at 1M rows ${dev.peakRss1MRowsMb} MB (JSON ${dev.jsonRowsPerSecond} rows/s)`
  )
writeResult(`delivery_${dbKind}`, { database: dbKind, ...result })
process.exit(0)
