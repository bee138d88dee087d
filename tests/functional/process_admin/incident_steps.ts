import type { ApiClient } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import type User from '#models/user'
import type { WorkflowPort } from '#workflow/port'

/*
 * The admin's side of an incident, on either engine: the compliance check of `instanceId` is
 * listed as an incident, retried with the missing applicantOrg, and the request reaches its
 * dept review. Returns the incident as the API listed it.
 */
export async function retryComplianceIncident(
  client: ApiClient,
  assert: Assert,
  admin: User,
  port: WorkflowPort,
  instanceId: string
) {
  const list = await client
    .get('/api/v1/process-admin/incidents')
    .qs({ instanceId })
    .withGuard('api')
    .loginAs(admin)
  list.assertStatus(200)
  assert.equal(list.body().meta.total, 1)
  const [incident] = list.body().data
  assert.equal(incident.activityId, 'compliance_check')
  assert.include(incident.message, 'applicantOrg')

  const retried = await client
    .post(`/api/v1/process-admin/incidents/${incident.id}/retry`)
    .json({ retries: 1, variables: { applicantOrg: 'OWN' } })
    .withGuard('api')
    .loginAs(admin)
  retried.assertStatus(200)
  assert.isTrue(retried.body().data.resolved)

  const after = await client
    .get('/api/v1/process-admin/incidents')
    .qs({ instanceId })
    .withGuard('api')
    .loginAs(admin)
  assert.equal(after.body().meta.total, 0)
  const open = await port.queryTasks({ instanceId, status: 'open' })
  assert.deepEqual(
    open.map((t) => t.activityId),
    ['dept_review']
  )
  return incident
}
