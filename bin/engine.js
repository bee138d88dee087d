/*
 * `npm run engine` / `npm run engine:stop`: builds the Operaton engine (workflows/engine, once,
 * again only when its sources change) and runs it in the background until stopped.
 * Plain JS: it runs before anything is compiled. Env: OPERATON_PORT (8089), JAVA_HOME, and the
 * engine's own OPERATON_DB_URL / OPERATON_DB_USER / OPERATON_DB_PASSWORD / OPERATON_HISTORY_LEVEL.
 */
import { spawn, spawnSync } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const root = new URL('..', import.meta.url).pathname
const engineDir = join(root, 'workflows', 'engine')
const jar = join(engineDir, 'target', 'ecoshare-engine.jar')
const tmp = join(root, 'tmp')
const port = Number(process.env.OPERATON_PORT ?? 8089)
const pidFile = join(tmp, `operaton-${port}.pid`)
const logFile = join(tmp, `operaton-${port}.log`)
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java'

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

function build() {
  const sources = Math.max(
    statSync(join(engineDir, 'pom.xml')).mtimeMs,
    newestSource(join(engineDir, 'src'))
  )
  if (existsSync(jar) && statSync(jar).mtimeMs >= sources) return
  const started = Date.now()
  process.stdout.write('▸ building the Operaton engine (mvn package) … ')
  const result = spawnSync('mvn', ['-q', '-DskipTests', 'package'], {
    cwd: engineDir,
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    console.error('\n✖ mvn package failed')
    process.exit(result.status ?? 1)
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

function running() {
  if (!existsSync(pidFile)) return null
  const pid = Number(readFileSync(pidFile, 'utf8'))
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    rmSync(pidFile, { force: true })
    return null
  }
}

async function answers() {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/engine-rest/engine`)
    return response.ok
  } catch {
    return false
  }
}

async function start() {
  if (running()) {
    console.log(`Operaton already runs on port ${port} (pid ${running()})`)
    return
  }
  build()
  mkdirSync(tmp, { recursive: true })
  const started = Date.now()
  const log = openSync(logFile, 'a')
  const child = spawn(java, ['-jar', jar], {
    cwd: engineDir,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, OPERATON_PORT: String(port) },
  })
  closeSync(log)
  writeFileSync(pidFile, String(child.pid))
  let exited = null
  child.on('exit', (code) => (exited = code))
  child.unref()
  process.stdout.write(`▸ starting Operaton on port ${port} … `)
  for (let waited = 0; waited < 300_000; waited += 500) {
    if (await answers()) {
      console.log(`up in ${((Date.now() - started) / 1000).toFixed(1)} s (log ${logFile})`)
      console.log(
        `  REST http://127.0.0.1:${port}/engine-rest · Cockpit http://127.0.0.1:${port}/operaton/app/`
      )
      process.exit(0)
    }
    if (exited !== null) break
    await sleep(500)
  }
  console.error(`\n✖ Operaton did not answer (exit ${exited}); last lines of ${logFile}:`)
  console.error(readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'))
  stop()
  process.exit(1)
}

function stop() {
  const pid = running()
  if (!pid) {
    console.log(`no Operaton running on port ${port}`)
    return
  }
  process.kill(pid, 'SIGTERM')
  for (let i = 0; i < 60; i++) {
    try {
      process.kill(pid, 0)
    } catch {
      break
    }
    spawnSync('sleep', ['0.5'])
  }
  try {
    process.kill(pid, 'SIGKILL')
  } catch {}
  rmSync(pidFile, { force: true })
  console.log(`stopped Operaton on port ${port} (pid ${pid})`)
}

const command = process.argv[2] ?? 'start'
if (command === 'start') await start()
else if (command === 'stop') stop()
else if (command === 'build') build()
else {
  console.error('usage: node bin/engine.js start|stop|build')
  process.exit(1)
}
