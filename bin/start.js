/*
 * `npm start`: one command from a fresh clone to a running platform.
 * Builds the frontend when its sources changed, migrates the database, seeds the demo
 * city on first run (never in production), then serves everything on PORT (3333).
 * Plain JS on purpose: it must run before anything is compiled.
 */
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const node = process.execPath
const production = process.env.NODE_ENV === 'production'

const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  console.error(`EcoShare needs Node.js 24 or newer (this is ${process.versions.node}).`)
  process.exit(1)
}

function step(label, args, options = {}) {
  const started = Date.now()
  process.stdout.write(`▸ ${label} … `)
  const result = spawnSync(node, args, { cwd: root, stdio: options.quiet ? 'pipe' : 'inherit', env: process.env })
  if (result.status !== 0) {
    if (options.quiet) process.stderr.write(String(result.stdout) + String(result.stderr))
    console.error(`\n✖ ${label} failed`)
    process.exit(result.status ?? 1)
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

function frontendIsStale() {
  const index = join(root, 'frontend/dist/index.html')
  if (!existsSync(index)) return true
  const built = statSync(index).mtimeMs
  return newestMtime(join(root, 'frontend/src')) > built || statSync(join(root, 'frontend/index.html')).mtimeMs > built
}

if (frontendIsStale()) {
  step('building the frontend', [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'frontend/vite.config.ts', '--logLevel', 'warn'])
}

step('migrating the database', ['ace', 'migration:run', '--force'], { quiet: true })

if (!production) {
  const check = spawnSync(node, ['ace', 'app:first-run'], { cwd: root, env: process.env, encoding: 'utf8' })
  if (check.status === 10) {
    step('seeding the demo city (organisations, demo users, catalog taxonomy)', ['ace', 'db:seed'], { quiet: true })
  }
  if (check.status === 10 || check.status === 11) {
    // Small scale: the last 12 months, so a first start stays around a minute or two.
    step('generating demo data (small scale; `node ace demo:generate --scale large` for history since 2018)', [
      'ace',
      'demo:generate',
      '--scale',
      'small',
    ])
  } else if (check.status !== 0) {
    process.stderr.write(check.stdout + check.stderr)
    process.exit(check.status ?? 1)
  }
}

// Memory of a long data API stream (docs/delivery.md "Benchmark"): 4 MB semi-spaces instead of
// V8's default (tens of MB under load), so each batch's text dies in small scavenges, and old
// space grown 1.2× after a full GC instead of up to 4× (it is not capped: exports may need it).
// A 1 M-row stream then peaks ≈ 180 MB RSS on the compiled build (node build/bin/server.js),
// ≈ 250 MB on this ts-exec server, instead of 330–480 MB.
const V8_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=20']
// Production runs the compiled server (build/, whose application root is build/: SQLITE_FILE
// is made relative to it, and settings come from the environment, not .env).
let entry = ['--import', '@poppinss/ts-exec', 'bin/server.ts']
const env = { ...process.env }
if (production) {
  step('compiling the server (node ace build)', ['ace', 'build'], { quiet: true })
  entry = ['build/bin/server.js']
  const file = resolve(root, process.env.SQLITE_FILE ?? 'tmp/ecoshare.sqlite3')
  env.SQLITE_FILE = relative(join(root, 'build'), file)
}
console.log('▸ starting the server')
const server = spawn(node, [...V8_FLAGS, ...entry], { cwd: root, stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
