import { randomUUID } from 'node:crypto'
import { bootApp, runAce } from './support/app.js'
import { nowMs, summarise } from './support/stats.js'
import { approvalBatch, variables } from './support/approvals.js'

/*
 * One database's half of bench/workflow_bench.ts (runs in the child process): approvals/s
 * through the port and worker, then the reviewer inbox over WORKFLOW_BENCH_OPEN open tasks.
 */
const N = Number(process.env.WORKFLOW_BENCH_N ?? 2000)
const BATCH = Number(process.env.WORKFLOW_BENCH_BATCH ?? 50)
const OPEN = Number(process.env.WORKFLOW_BENCH_OPEN ?? 100_000)
const REAL_OPEN = 100
const ORGS = 1000
const INBOX_QUERIES = Number(process.env.WORKFLOW_BENCH_QUERIES ?? 300)
const dbKind = process.env.DB_CONNECTION ?? 'sqlite'

// The bench drops and refills its database: never the one DB_DATABASE / SQLITE_FILE point at.
process.env.SQLITE_FILE = process.env.WORKFLOW_BENCH_SQLITE ?? 'tmp/bench-workflow.sqlite3'
process.env.DB_DATABASE = process.env.WORKFLOW_BENCH_DATABASE ?? 'ecoshare_bench_workflow'
process.env.LOG_LEVEL ??= 'warn'

async function createMysqlDatabase() {
  const mysql = await import('mysql2/promise')
  const connection = await mysql.createConnection({
    host: process.env.DB_HOST ?? '127.0.0.1',
    user: process.env.DB_USER ?? 'root',
    password: process.env.DB_PASSWORD ?? '',
  })
  await connection.query(
    `CREATE DATABASE IF NOT EXISTS \`${process.env.DB_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
  )
  await connection.end()
}

export async function runWorkflowBench() {
  if (dbKind === 'mysql') await createMysqlDatabase()
  const app = await bootApp()
  await runAce(app, 'migration:fresh', ['--force'])
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const engine = await import('#workflow/engine')
  const port = engine.createWorkflowEngine()
  const worker = engine.createWorker(port, 'bench-worker')
  await engine.deployShippedProcesses(port)

  const approvals = (count: number) => approvalBatch(port, worker, count)

  await approvals(Math.min(BATCH, 20))
  const warm = await completedCount(db)
  const started = nowMs()
  for (let done = 0; done < N; done += BATCH) await approvals(Math.min(BATCH, N - done))
  const seconds = (nowMs() - started) / 1000
  const completed = (await completedCount(db)) - warm
  const grants = await db.from('workflow_side_effects').where('kind', 'grant').count('* as n')
  if (completed !== N) throw new Error(`expected ${N} completed requests, found ${completed}`)
  const approvalsPerSecond = Math.round((N / seconds) * 10) / 10
  console.log(
    `${dbKind}: ${N} approvals in ${seconds.toFixed(1)} s → ${approvalsPerSecond}/s (grants ${grants[0].n})`
  )

  const fill = await fillInbox(db, port)
  console.log(`${dbKind}: ${fill.open} open tasks (${fill.how}) in ${fill.seconds.toFixed(1)} s`)
  const samples: number[] = []
  let returned = 0
  for (let i = 0; i < INBOX_QUERIES; i++) {
    const org = `ORG-${(i * 7919) % ORGS}`
    const query = {
      userId: `u-reviewer-${i % ORGS}`,
      groups: [`org:${org}:head`, `org:${org}:owner_reviewer`, 'role:reviewer'],
      ...(i % 3 === 0 ? { processKey: 'data_request' } : {}),
      ...(i % 3 === 1 ? { activityId: 'dept_review' } : {}),
    }
    const t0 = nowMs()
    const tasks = await port.queryTasks(query)
    samples.push(nowMs() - t0)
    returned += tasks.length
  }
  const inbox = summarise(samples)
  console.log(
    `${dbKind}: inbox p50 ${inbox.p50} ms, p95 ${inbox.p95} ms (${(returned / INBOX_QUERIES).toFixed(0)} tasks/answer)`
  )
  await app.terminate()
  return {
    approvals: { n: N, batch: BATCH, seconds: Math.round(seconds * 100) / 100, approvalsPerSecond },
    inbox: {
      ...inbox,
      openTasks: fill.open,
      fill: fill.how,
      tasksPerAnswer: returned / INBOX_QUERIES,
    },
  }
}

async function completedCount(db: any) {
  const [row] = await db
    .from('workflow_instances')
    .where({ process_key: 'data_request', status: 'completed' })
    .count('* as n')
  return Number(row.n)
}

/**
 * REAL_OPEN requests are started through the engine and wait at dept review; their task rows
 * are then copied in bulk (new ids, spread over ORGS organisations' groups, 1 in 50 assigned).
 */
async function fillInbox(db: any, port: any) {
  const t0 = nowMs()
  for (let i = 0; i < REAL_OPEN; i++)
    await port.startByKey('data_request', `INBOX-${randomUUID()}`, variables(`ORG-${i % ORGS}`))
  const { createWorker } = await import('#workflow/engine')
  const worker = createWorker(port, 'bench-fill')
  await worker.drain(1000)
  const templates = await db
    .from('workflow_tasks')
    .where({ status: 'open', activity_id: 'dept_review' })
    .select('*')
  const base = Date.now()
  for (let offset = templates.length; offset < OPEN; offset += 400) {
    const tasks: Record<string, unknown>[] = []
    const candidates: Record<string, unknown>[] = []
    for (let i = offset; i < Math.min(OPEN, offset + 400); i++) {
      const template = templates[i % templates.length]
      const id = randomUUID()
      const org = `ORG-${i % ORGS}`
      const owner = i % 2 === 1
      tasks.push({
        ...template,
        id,
        execution_id: `bench-${id}`,
        activity_id: owner ? 'owner_review' : 'dept_review',
        assignee: i % 50 === 0 ? `u-reviewer-${i % ORGS}` : null,
        created_at: base + i,
      })
      candidates.push({
        task_id: id,
        kind: 'group',
        value: `org:${org}:${owner ? 'owner_reviewer' : 'head'}`,
      })
    }
    await db.transaction(async (trx: any) => {
      await trx.table('workflow_tasks').multiInsert(tasks)
      await trx.table('workflow_task_candidates').multiInsert(candidates)
    })
  }
  const [row] = await db.from('workflow_tasks').where('status', 'open').count('* as n')
  return {
    open: Number(row.n),
    seconds: (nowMs() - t0) / 1000,
    how: `${REAL_OPEN} started through the engine, the rest copied from their rows in bulk`,
  }
}
