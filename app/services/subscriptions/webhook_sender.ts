import { createHmac } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import { addressRefusal, lookupGuard } from '#services/subscriptions/webhook_target'

export interface WebhookResult {
  statusCode: number | null
  error: string | null
  durationMs: number
}

/** `t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is signed so a replay can be aged out. */
export function signature(secret: string, timestamp: number, body: string) {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${mac}`
}

/*
 * One POST, no redirects followed (a 3xx is a failure: it could point anywhere), the address
 * checked again at connect time (lookupGuard; an IP literal here), the answer's body read and
 * thrown away up to 64 KiB, the whole exchange bounded by `timeoutMs`.
 */
export function postWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number
): Promise<WebhookResult> {
  const started = performance.now()
  const done = (statusCode: number | null, error: string | null): WebhookResult => ({
    statusCode,
    error: error?.slice(0, 1000) ?? null,
    durationMs: Math.round(performance.now() - started),
  })
  const url = new URL(target)
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (isIP(host) && addressRefusal(host))
    return Promise.resolve(done(null, `refused address ${host}`))
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        // A connection per delivery: nothing pooled across subscriptions or DNS answers.
        agent: false,
        lookup: lookupGuard as any,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': String(Buffer.byteLength(body)),
          'User-Agent': 'EcoShare-Webhook/1',
          ...headers,
        },
        timeout: timeoutMs,
      },
      (response) => {
        let read = 0
        response.on('data', (chunk: Buffer) => {
          read += chunk.length
          if (read > 65_536) response.destroy()
        })
        response.on('close', () => {
          const code = response.statusCode ?? null
          resolve(done(code, code !== null && code >= 200 && code < 300 ? null : `HTTP ${code}`))
        })
      }
    )
    const deadline = setTimeout(() => request.destroy(new Error('timeout')), timeoutMs)
    request.on('timeout', () => request.destroy(new Error('timeout')))
    request.on('error', (error) => resolve(done(null, error.message)))
    request.on('close', () => clearTimeout(deadline))
    request.end(body)
  })
}
