import { createHmac, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import db from '@adonisjs/lucid/services/db'
import { SubscriptionDispatcher } from '#services/subscriptions/dispatcher'
import { OPEN } from '#tests/functional/public_data/fixtures'
import type { Group } from '@japa/runner/core'
import { demoUser, isolate } from '#tests/helpers'
import { targetSettings } from '#services/subscriptions/webhook_target'
import { DATASET, as, grantThroughRequest, setupDelivery } from './fixtures.js'

export type Receiver = Awaited<ReturnType<typeof startReceiver>>

export interface Received {
  headers: http.IncomingHttpHeaders
  body: string
  json: any
}

/** A real webhook receiver on an ephemeral port; `status` is what it answers next. */
export async function startReceiver() {
  const received: Received[] = []
  const state = { status: 200 }
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      received.push({ headers: request.headers, body, json: JSON.parse(body) })
      response.statusCode = state.status
      response.end(state.status < 300 ? 'ok' : 'broken')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    state,
    records: () => received.flatMap((r) => r.json.records),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** What a receiver does: recompute the HMAC over "<t>.<body>" with its secret, compare in constant time. */
export function verifySignature(secret: string, header: string | undefined, body: string) {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=')))
  if (!parts.t || !parts.v1) return false
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest()
  const given = Buffer.from(parts.v1, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/*
 * Every subscription spec: the global transaction, the delivery fixtures, a fresh receiver per
 * test (read it through the returned function) and the target settings put back afterwards.
 */
export function subscriptionSpec(group: Group) {
  isolate(group)
  let receiver: Receiver
  group.each.setup(async () => {
    await setupDelivery()
    receiver = await startReceiver()
    return () => receiver.close()
  })
  group.each.teardown(() => {
    targetSettings.allowLoopback = true
    targetSettings.allowedNetworks = []
  })
  return () => receiver
}

export function dispatch() {
  return new SubscriptionDispatcher().runPass()
}

/** A grant with the subscription mode, through the normal request flow. */
export function subscribableGrant(client: any, username = 'applicant', overrides = {}) {
  return grantThroughRequest(client, username, {
    deliveryModes: ['api', 'subscription'],
    ...overrides,
  })
}

/** `as()` plus DELETE, which the subscriptions API uses. */
export async function asUser(client: any, username: string) {
  const user = await demoUser(username)
  return {
    ...(await as(client, username)),
    delete: (url: string) => client.delete(url).withGuard('api').loginAs(user),
  }
}

/** POST /subscriptions; the dataset defaults to the one the delivery fixtures grant. */
export async function subscribe(client: any, body: object, username = 'applicant') {
  const api = await as(client, username)
  return api.post('/api/v1/subscriptions', { datasetCode: DATASET, ...body })
}

/** Hourly rows after the fixture's last hour (2026-01-01 03:00); labels default to open/public. */
export async function arrive(rows: { station: string; hour: number; labels?: object }[]) {
  // SQLite caps a compound INSERT … SELECT at 500 terms.
  for (let i = 0; i < rows.length; i += 200) await insertRows(rows.slice(i, i + 200))
}

async function insertRows(rows: { station: string; hour: number; labels?: object }[]) {
  await db.table('air_quality_hourly').multiInsert(
    rows.map(({ station, hour, labels }) => ({
      station_code: station,
      observed_at: `2026-01-01 ${String(hour).padStart(2, '0')}:00:00`,
      district_code: station === 'AS003' ? '420107' : '420102',
      pm25: 50 + hour,
      pm10: 90,
      so2: 8,
      no2: 30,
      co: 0.8,
      o3: 40,
      o3_8h: 35,
      aqi: 80,
      aqi_level: 2,
      primary_pollutant: null,
      ...(labels ?? OPEN),
    }))
  )
}

export const deliveriesOf = (subscriptionId: number) =>
  db.from('subscription_deliveries').where('subscription_id', subscriptionId).orderBy('id')
