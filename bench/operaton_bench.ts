/*
 * Operaton next to the embedded engine (BENCHMARKS.md), one sitting, one MariaDB server:
 *   OPERATON_PORT=8090 OPERATON_DB_URL=jdbc:mariadb://127.0.0.1:3306/ecoshare_operaton_engine \
 *     OPERATON_DB_USER=root npm run engine          # Operaton on its own schema of that server
 *   npm run bench operaton
 * (1) approvals/s: the loop of bench/workflow_load.ts (start → compliance → dept → owner → tally
 *     → open grant → provision → notify) through the port, on the embedded engine and on Operaton,
 *     app tables in OPERATON_BENCH_DATABASE (ecoshare_operaton) on MariaDB;
 * (2) worker throughput: OPERATON_BENCH_K auto-approved requests (5 topic tasks each: compliance, open grant, notify, provision, notify) drained by 1, 2
 *     and 4 camunda-external-task-client-js workers (one process, maxTasks 10 each).
 * Figures go to bench/results/operaton.json.
 */
import { loadavg } from 'node:os'
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { bootApp, runAce } from './support/app.js'
import { approvalBatch, variables } from './support/approvals.js'
import { nowMs, writeResult } from './support/stats.js'

const N = Number(process.env.OPERATON_BENCH_N ?? 300)
const BATCH = Number(process.env.OPERATON_BENCH_BATCH ?? 50)
const K = Number(process.env.OPERATON_BENCH_K ?? 200)
// compliance check, open grant, notify (request) + provision, notify (the grant it starts)
const TOPICS = 5
process.env.DB_CONNECTION = 'mysql'
process.env.DB_DATABASE = process.env.OPERATON_BENCH_DATABASE ?? 'ecoshare_operaton'
process.env.OPERATON_URL ??= 'http://127.0.0.1:8090/engine-rest'
process.env.LOG_LEVEL ??= 'warn'

const app = await bootApp()
await runAce(app, 'migration:fresh', ['--force'])
const engine = await import('#workflow/engine')
const { TopicClient } = await import('#workflow/operaton/topic_client')
const { OperatonWorkflowEngine } = await import('#workflow/operaton/operaton_engine')
const { topics } = await import('../workflows/registry.js')

async function approvalsPerSecond(kind: 'embedded' | 'operaton') {
  const port = engine.createWorkflowEngine(kind)
  const worker = engine.createWorker(port, `bench-${kind}`)
  await engine.deployShippedProcesses(port)
  await approvalBatch(port, worker, Math.min(BATCH, 20))
  const started = nowMs()
  for (let done = 0; done < N; done += BATCH)
    await approvalBatch(port, worker, Math.min(BATCH, N - done))
  const seconds = (nowMs() - started) / 1000
  const perSecond = Math.round((N / seconds) * 10) / 10
  console.log(`${kind}: ${N} approvals in ${seconds.toFixed(1)} s → ${perSecond}/s`)
  return {
    n: N,
    batch: BATCH,
    seconds: Math.round(seconds * 100) / 100,
    approvalsPerSecond: perSecond,
  }
}

/** The engine's own view: how many timer jobs wait (each drained request leaves its grant at one). */
async function waitingTimers(port: InstanceType<typeof OperatonWorkflowEngine>) {
  const body = await port.rest.get('/job/count', { timers: true })
  return Number(body.count)
}

/** K auto-approved requests wait at their first topic; then `workers` clients drain every topic of each. */
async function workerThroughput(workers: number) {
  const port = engine.createWorkflowEngine('operaton')
  if (!(port instanceof OperatonWorkflowEngine)) throw new Error('needs WORKFLOW_ENGINE=operaton')
  const unconditional = {
    sharingAttribute: 'unconditional',
    grade: 'general',
    ownerOrg: 'OWN-A',
    code: 'DS-1',
  }
  for (let i = 0; i < K; i++)
    await port.startByKey('data_request', `TP-${randomUUID()}`, {
      ...variables('APP-ORG'),
      datasets: [unconditional],
    })
  // Drained = no external task left and every request's grant waiting at its expiry timer.
  const target = (await waitingTimers(port)) + K
  const clients = Array.from(
    { length: workers },
    (_, i) =>
      new TopicClient(port, topics, {
        workerId: `tp-${workers}-${i}`,
        asyncResponseTimeoutMs: 1000,
      })
  )
  const started = nowMs()
  for (const client of clients) client.start()
  const drained = async () => {
    const open = await port.rest.get('/external-task/count')
    return Number(open.count) === 0 && (await waitingTimers(port)) >= target
  }
  while (!(await drained())) {
    if (nowMs() - started > 600_000) throw new Error('worker throughput: not drained in 10 min')
    await sleep(50)
  }
  const seconds = (nowMs() - started) / 1000
  await Promise.all(clients.map((client) => client.stop()))
  const perSecond = Math.round(((TOPICS * K) / seconds) * 10) / 10
  console.log(
    `operaton: ${workers} worker(s): ${TOPICS * K} topic tasks in ${seconds.toFixed(1)} s → ${perSecond}/s`
  )
  return {
    workers,
    tasks: TOPICS * K,
    seconds: Math.round(seconds * 100) / 100,
    tasksPerSecond: perSecond,
  }
}

const embedded = await approvalsPerSecond('embedded')
const operaton = await approvalsPerSecond('operaton')
const throughput = []
for (const workers of [1, 2, 4]) throughput.push(await workerThroughput(workers))
await app.terminate()

writeResult('operaton', {
  measuredAt: new Date().toISOString(),
  loadavg: loadavg().map((value) => Math.round(value * 100) / 100),
  command: 'npm run bench operaton',
  database: 'MariaDB 10.11 (app: ecoshare_operaton, Operaton: ecoshare_operaton_engine)',
  operatonUrl: process.env.OPERATON_URL,
  approvals: {
    embedded,
    operaton,
    ratioEmbeddedToOperaton:
      Math.round((embedded.approvalsPerSecond / operaton.approvalsPerSecond) * 100) / 100,
  },
  workerThroughput: throughput,
})
