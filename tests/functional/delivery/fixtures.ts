import { DateTime } from 'luxon'
import workflowRuntime from '#services/workflow_runtime'
import { demoUser } from '#tests/helpers'
import { hourlyFixture, registerProducts } from '#tests/functional/public_data/fixtures'

/*
 * The delivery specs start where a user starts: a request through the HTTP API (auto-approved
 * for EQ-AIR-002, unconditional + general), then a key, then data calls.
 */
export const DATASET = 'EQ-AIR-002'
export const RECORDS = `/api/v1/data/${DATASET}/records`
export const GRANTED_FIELDS = ['station_code', 'observed_at', 'district_code', 'pm25']

export async function setupDelivery() {
  workflowRuntime.reset()
  await registerProducts()
  await hourlyFixture()
}

export function requestBody(overrides: Record<string, unknown> = {}) {
  return {
    datasets: [DATASET],
    fields: GRANTED_FIELDS,
    purpose: '开展大气污染溯源分析',
    scenario: '环境质量预警',
    legalBasis: '《政务数据共享条例》',
    validUntil: DateTime.now().setZone('Asia/Shanghai').plus({ days: 30 }).toISODate(),
    deliveryModes: ['api'],
    contact: '李申请 13871230001',
    ...overrides,
  }
}

export async function as(client: any, username: string) {
  const user = await demoUser(username)
  return {
    get: (url: string) => client.get(url).withGuard('api').loginAs(user),
    post: (url: string, body: object = {}) =>
      client.post(url).json(body).withGuard('api').loginAs(user),
  }
}

/** Submits and returns the grant the approval produced. */
export async function grantThroughRequest(
  client: any,
  username = 'applicant',
  overrides: Record<string, unknown> = {}
) {
  const api = await as(client, username)
  const submitted = await api.post('/api/v1/requests', requestBody(overrides))
  submitted.assertStatus(201)
  if (submitted.body().data.status !== 'approved')
    throw new Error(`request not auto-approved: ${submitted.body().data.status}`)
  const grants = await api.get('/api/v1/grants')
  grants.assertStatus(200)
  const grant = grants.body().data.find((g: any) => g.requestCode === submitted.body().data.code)
  if (!grant) throw new Error('no grant for the approved request')
  return grant
}

export async function issueKey(client: any, grantIds: number[], username = 'applicant') {
  const api = await as(client, username)
  const response = await api.post('/api/v1/api-keys', { name: '测试密钥', grantIds })
  response.assertStatus(201)
  return response.body().data as { id: number; secret: string; prefix: string }
}

export function data(client: any, secret: string | null, query = '') {
  const request = client.get(`${RECORDS}${query ? `?${query}` : ''}`)
  return secret ? request.header('X-API-Key', secret) : request
}
