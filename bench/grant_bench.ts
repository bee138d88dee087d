/*
 * Auto-approved request → usable grant (BENCHMARKS.md, target p50 ≤ 300 ms): wall time from
 * POST /api/v1/requests (EQ-AIR-002, unconditional + general, as the delivery specs submit it)
 * to the first successful data call with a key issued for the resulting grant — poll the
 * grants list, issue a key, call the data API. Real HTTP against the compiled build.
 *   npm run bench grant                          # SQLite, GRANT_BENCH_SQLITE (tmp/bench-grant.sqlite3)
 *   DB_CONNECTION=mysql npm run bench grant      # MariaDB, GRANT_BENCH_DATABASE (ecoshare_bench_grant)
 * GRANT_BENCH_N requests (default 60, after 5 warm-ups), one at a time; the database is
 * dropped and refilled each run. Writes bench/results/grant_latency_<dialect>.json
 * (GRANT_BENCH_SERVER=dev: the development server, grant_latency_<dialect>_dev.json).
 */
import http from 'node:http'
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { DateTime } from 'luxon'
import { bootApp, runAce } from './support/app.js'
import { buildApp, startServer, stopServer, type ServerKind } from './support/server.js'
import { nowMs, summarise, writeResult } from './support/stats.js'

const N = Number(process.env.GRANT_BENCH_N ?? 60)
const WARMUP = 5
const PORT = Number(process.env.GRANT_BENCH_PORT ?? 3392)
const dbKind = process.env.DB_CONNECTION === 'mysql' ? 'mysql' : 'sqlite'
process.env.DB_CONNECTION = dbKind
process.env.DB_DATABASE = process.env.GRANT_BENCH_DATABASE ?? 'ecoshare_bench_grant'
process.env.SQLITE_FILE = process.env.GRANT_BENCH_SQLITE ?? 'tmp/bench-grant.sqlite3'
process.env.LOG_LEVEL ??= 'warn'
// Many grants for one applicant in a minute: nothing here may trip a per-user limit.
process.env.GRANT_CALLS_PER_MINUTE ??= '1000'

if (dbKind === 'mysql') {
  const mysql = await import('mysql2/promise')
  const admin = await mysql.createConnection({
    host: process.env.DB_HOST ?? '127.0.0.1',
    user: process.env.DB_USER ?? 'root',
    password: process.env.DB_PASSWORD ?? '',
  })
  await admin.query(
    `CREATE DATABASE IF NOT EXISTS \`${process.env.DB_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
  )
  await admin.end()
}

// Schema, demo organisations and users, the catalog and a few store rows (the delivery specs' fixtures).
const app = await bootApp()
await runAce(app, 'migration:fresh', ['--force'])
await runAce(app, 'db:seed', ['--compact-output'])
const { registerProducts, hourlyFixture } = await import('#tests/functional/public_data/fixtures')
await registerProducts()
await hourlyFixture()
const { DEMO_PASSWORD } = await import('#database/data/city')
const { default: db } = await import('@adonisjs/lucid/services/db')
await db.manager.closeAll()
await app.terminate()

spawnSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' })
// GRANT_BENCH_SERVER=dev: the development server (ts-exec) instead of the compiled build.
const serverKind: ServerKind = process.env.GRANT_BENCH_SERVER === 'dev' ? 'dev' : 'build'
if (serverKind === 'build') buildApp()
const server = await startServer({ kind: serverKind, port: PORT })

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
function call(method: string, path: string, headers: Record<string, string>, body?: object) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined
    const request = http.request(
      {
        host: '127.0.0.1',
        port: PORT,
        method,
        path,
        agent,
        headers: {
          Accept: 'application/json',
          ...(payload ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: any = text
          try {
            parsed = JSON.parse(text)
          } catch {}
          resolve({ status: response.statusCode ?? 0, body: parsed })
        })
      }
    )
    request.on('error', reject)
    request.end(payload)
  })
}
function expect(response: { status: number; body: any }, status: number, what: string) {
  if (response.status !== status)
    throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`)
  return response.body
}

const login = expect(
  await call('POST', '/api/v1/auth/login', {}, { username: 'applicant', password: DEMO_PASSWORD }),
  200,
  'login'
)
const auth = { Authorization: `Bearer ${login.data.token}` }
const body = {
  datasets: ['EQ-AIR-002'],
  fields: ['station_code', 'observed_at', 'district_code', 'pm25'],
  purpose: '开展大气污染溯源分析',
  scenario: '环境质量预警',
  legalBasis: '《政务数据共享条例》',
  validUntil: DateTime.now().setZone('Asia/Shanghai').plus({ days: 30 }).toISODate(),
  deliveryModes: ['api'],
  contact: '李申请 13871230001',
}

/** One request end to end; the phases add up to the total. */
async function once() {
  const t0 = nowMs()
  const submitted = expect(await call('POST', '/api/v1/requests', auth, body), 201, 'submit').data
  if (!['approved', 'in_review', 'submitted'].includes(submitted.status))
    throw new Error(`${submitted.code} is ${submitted.status}, not on its way to approval`)
  const t1 = nowMs()
  let grant: any = null
  let polls = 0
  while (!grant) {
    if (polls++ > 500) throw new Error(`no grant for ${submitted.code} after 500 polls`)
    const grants = expect(await call('GET', '/api/v1/grants?perPage=100', auth), 200, 'grants')
    grant = grants.data.find((g: any) => g.requestCode === submitted.code && g.status === 'active')
    if (!grant) await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const t2 = nowMs()
  const key = expect(
    await call('POST', '/api/v1/api-keys', auth, { name: 'bench', grantIds: [grant.id] }),
    201,
    'key'
  ).data
  const t3 = nowMs()
  const records = expect(
    await call('GET', '/api/v1/data/EQ-AIR-002/records?limit=5', { 'X-API-Key': key.secret }),
    200,
    'data call'
  )
  if (!records.data?.length) throw new Error('the data call returned no rows')
  const t4 = nowMs()
  return {
    total: t4 - t0,
    submit: t1 - t0,
    grant: t2 - t1,
    key: t3 - t2,
    data: t4 - t3,
    polls,
    answeredApproved: submitted.status === 'approved',
  }
}

console.log(`grant bench: ${N} auto-approved requests on ${dbKind} (${serverKind} server)`)
const loadBefore = loadavg()
// The first request after a start also deploys the processes and warms the JIT: reported apart.
const cold = await once()
for (let i = 1; i < WARMUP; i++) await once()
const runs: Awaited<ReturnType<typeof once>>[] = []
for (let i = 0; i < N; i++) runs.push(await once())
await stopServer(server)
agent.destroy()

const phases = ['total', 'submit', 'grant', 'key', 'data'] as const
const summary = Object.fromEntries(phases.map((p) => [p, summarise(runs.map((r) => r[p]))]))
const result = {
  database: dbKind,
  measuredAt: new Date().toISOString(),
  server:
    serverKind === 'build'
      ? 'node build/bin/server.js'
      : 'node --import @poppinss/ts-exec bin/server.ts',
  n: N,
  warmup: WARMUP,
  loadAverage: { before: loadBefore, after: loadavg() },
  target: { p50Ms: 300 },
  coldFirstRequestMs: Math.round(cold.total),
  ...summary,
  grantPollsMax: Math.max(...runs.map((r) => r.polls)),
  // Submits whose own answer already said 'approved' (the rest finished in a background pass).
  answeredApproved: runs.filter((r) => r.answeredApproved).length,
}
for (const phase of phases)
  console.log(
    `  ${phase.padEnd(7)} p50 ${summary[phase].p50.toFixed(1)} ms, p95 ${summary[phase].p95.toFixed(1)} ms`
  )
console.log(`  first request after the server started: ${result.coldFirstRequestMs} ms`)
console.log(`  ${result.answeredApproved}/${N} submits answered 'approved' themselves`)
writeResult(`grant_latency_${dbKind}${serverKind === 'dev' ? '_dev' : ''}`, result)
process.exit(0)
