/*
 * `npm run bench [name…]`: runs every benchmark in its own process — the scripts
 * bench/<name>_bench.ts and the ace commands app/commands/bench_<name>.ts (`node ace bench:<name>`)
 * — or only those named. Each prints its figures and writes bench/results/*.json. Benchmarks
 * are not tests: a slow machine never fails a build. Plain JS: it runs before anything compiles.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

const root = new URL('..', import.meta.url).pathname
const wanted = process.argv.slice(2)
const scripts = readdirSync(`${root}bench`)
  .filter((file) => file.endsWith('_bench.ts'))
  .map((file) => [file.replace(/_bench\.ts$/, ''), ['--import', '@poppinss/ts-exec', `bench/${file}`]])
const commands = readdirSync(`${root}app/commands`)
  .filter((file) => file.startsWith('bench_') && file.endsWith('.ts'))
  .map((file) => file.replace(/^bench_|\.ts$/g, ''))
  .map((name) => [name, ['ace', `bench:${name}`]])
const benches = [...scripts, ...commands].filter(([name]) => wanted.length === 0 || wanted.includes(name))

if (benches.length === 0) {
  console.error(`no bench matches ${wanted.join(', ')}`)
  process.exit(1)
}

let failed = 0
for (const [name, args] of benches) {
  console.log(`\n━━ ${name}`)
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' },
  })
  if (result.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
