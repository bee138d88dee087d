import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { waitFor } from './http_load.js'

/*
 * The HTTP server a benchmark talks to, pinned to core 0 (the load generator takes core 1):
 * the compiled production build (`node ace build` → node build/bin/server.js, what a
 * deployment runs) or the development server (ts-exec loader, as `node ace serve`).
 */
export type ServerKind = 'build' | 'dev'

const root = new URL('../../', import.meta.url).pathname

/** Compiles the app into build/ (tsc, ~10 s), so the bench never runs a stale build. */
export function buildApp() {
  const result = spawnSync(process.execPath, ['ace', 'build'], { cwd: root, stdio: 'ignore' })
  if (result.status !== 0) throw new Error('node ace build failed')
}

export async function startServer(options: {
  kind: ServerKind
  port: number
  env?: Record<string, string>
  nodeFlags?: string[]
}): Promise<ChildProcess & { pid: number }> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...options.env,
    PORT: String(options.port),
    HOST: '127.0.0.1',
  }
  // SQLITE_FILE is relative to the application root, which for the build is build/.
  if (options.kind === 'build' && env.SQLITE_FILE && !env.SQLITE_FILE.startsWith('/'))
    env.SQLITE_FILE = `../${env.SQLITE_FILE}`
  const entry =
    options.kind === 'build'
      ? ['build/bin/server.js']
      : ['--import', '@poppinss/ts-exec', 'bin/server.ts']
  const server = spawn(
    'taskset',
    ['-c', '0', process.execPath, ...(options.nodeFlags ?? []), ...entry],
    { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] }
  )
  process.on('exit', () => server.kill('SIGTERM'))
  await waitFor(options.port, '/health')
  return server as ChildProcess & { pid: number }
}

export async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  await exited
}

/** Resident set size of a process, in MB. */
export function rssMb(pid: number) {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Math.round(Number(match[1]) / 1024) : 0
}
