import http from 'node:http'
import { nowMs } from './stats.js'

/*
 * A closed-loop load generator: `concurrency` keep-alive connections, each sending the next
 * request when the previous answer is fully read, for `requests` requests in all (bounded in
 * count, loopback only). Returns every request's latency in ms, so percentiles are exact.
 */
export async function closedLoop(options: {
  port: number
  paths: string[]
  requests: number
  concurrency: number
  headers?: Record<string, string>
}): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency })
  const latencies: number[] = []
  let issued = 0
  const one = (path: string) =>
    new Promise<void>((resolve, reject) => {
      const started = nowMs()
      const request = http.get(
        { host: '127.0.0.1', port: options.port, path, agent, headers: options.headers },
        (response) => {
          response.resume()
          response.on('end', () => {
            if (response.statusCode !== 200) reject(new Error(`${path} → ${response.statusCode}`))
            latencies.push(nowMs() - started)
            resolve()
          })
        }
      )
      request.on('error', reject)
    })
  const worker = async () => {
    while (issued < options.requests) {
      const path = options.paths[issued++ % options.paths.length]
      await one(path)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  agent.destroy()
  return latencies
}

/** Polls until the URL answers, for a child server to come up. */
export async function waitFor(port: number, path: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      http
        .get({ host: '127.0.0.1', port, path }, (response) => {
          response.resume()
          resolve(response.statusCode === 200)
        })
        .on('error', () => resolve(false))
    })
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`server on ${port} did not answer ${path}`)
}
