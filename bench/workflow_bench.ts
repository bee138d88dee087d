/*
 * Embedded workflow engine (BENCHMARKS.md):
 *   npm run bench workflow        # SQLite (tmp/bench-workflow.sqlite3) then MariaDB (ecoshare_bench_workflow)
 * (1) approvals completed/s: data_request start → compliance topic → dept review → owner review
 *     → tally → open grant → grant.provision → notify, driven through the port and the
 *     ExternalWorker as tests/contract/harness.ts does, in batches of WORKFLOW_BENCH_BATCH;
 * (2) reviewer inbox: port.queryTasks({ userId, groups }) p95 with WORKFLOW_BENCH_OPEN open tasks.
 * Each database runs in a child process (one app boot per connection); figures go to
 * bench/results/workflow.json. Targets: ≥ 200 approvals/s on SQLite, inbox p95 ≤ 50 ms.
 */
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { writeResult } from './support/stats.js'

const databases = (process.env.WORKFLOW_BENCH_DBS ?? 'sqlite,mysql').split(',')

if (process.env.WORKFLOW_BENCH_CHILD) {
  const { runWorkflowBench } = await import('./workflow_load.js')
  const figures = await runWorkflowBench()
  process.stdout.write(`\nRESULT ${JSON.stringify(figures)}\n`)
  process.exit(0)
}

const results: Record<string, unknown> = {}
for (const kind of databases) {
  console.log(`\n── ${kind}`)
  const child = spawnSync(
    process.execPath,
    ['--import', '@poppinss/ts-exec', 'bench/workflow_bench.ts', ...process.argv.slice(2)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, WORKFLOW_BENCH_CHILD: '1', DB_CONNECTION: kind },
      maxBuffer: 64 * 1024 * 1024,
    }
  )
  const lines = child.stdout.split('\n')
  for (const line of lines) if (!line.startsWith('RESULT ')) console.log(line)
  const result = lines.find((line) => line.startsWith('RESULT '))
  if (child.status !== 0 || !result) {
    console.error(`${kind}: bench failed (exit ${child.status})`)
    process.exit(1)
  }
  results[kind] = JSON.parse(result.slice('RESULT '.length))
}

writeResult('workflow', {
  measuredAt: new Date().toISOString(),
  loadavg: loadavg().map((value) => Math.round(value * 100) / 100),
  command: 'npm run bench workflow',
  targets: { approvalsPerSecondSqlite: 200, inboxP95Ms: 50 },
  results,
})
