import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import clock from '#services/clock'
import workflowRuntime from '#services/workflow_runtime'
import { DEMO_BY_ROLE, auditRows, demoUser, isolate } from '#tests/helpers'
import { retryComplianceIncident } from './incident_steps.js'

const grantXml = () => readFileSync(app.makePath('workflows', 'sharing_grant.bpmn'), 'utf8')

async function as(username: string) {
  return demoUser(username)
}

test.group('Process admin / access', (group) => {
  isolate(group)
  group.each.setup(() => workflowRuntime.reset())

  test('only the process admin lists definitions, deploys and sees incidents', async ({
    client,
    assert,
  }) => {
    for (const [role, username] of Object.entries(DEMO_BY_ROLE)) {
      const user = await as(username)
      const expected = role === 'process_admin' ? 200 : 403
      const list = await client
        .get('/api/v1/process-admin/definitions')
        .withGuard('api')
        .loginAs(user)
      assert.equal(list.status(), expected, `${role} list definitions`)
      const incidents = await client
        .get('/api/v1/process-admin/incidents')
        .withGuard('api')
        .loginAs(user)
      assert.equal(incidents.status(), expected, `${role} list incidents`)
      const deploy = await client
        .post('/api/v1/process-admin/definitions')
        .json({ xml: grantXml() })
        .withGuard('api')
        .loginAs(user)
      assert.equal(deploy.status(), expected, `${role} deploy`)
    }
    const anonymous = await client.get('/api/v1/process-admin/definitions')
    anonymous.assertStatus(401)
  })
})

test.group('Process admin / definitions', (group) => {
  isolate(group)
  group.each.setup(() => workflowRuntime.reset())

  test('lists the shipped processes with versions and running instance counts', async ({
    client,
    assert,
  }) => {
    const port = await workflowRuntime.port()
    await port.startByKey('sharing_grant', 'grant-admin-list', {
      applicant: '1',
      approvedDatasets: ['DS-1'],
      validUntil: clock.now().plus({ days: 30 }).toISO(),
    })
    const response = await client
      .get('/api/v1/process-admin/definitions')
      .withGuard('api')
      .loginAs(await as('processadmin'))
    response.assertStatus(200)
    const keys = response.body().data.map((d: any) => d.key)
    assert.includeMembers(keys, ['data_request', 'quality_rectification', 'sharing_grant'])
    const grant = response.body().data.find((d: any) => d.key === 'sharing_grant')
    assert.equal(grant.versions[0].runningInstances, 1)
    assert.equal(grant.runningInstances, 1)

    const one = await client
      .get(`/api/v1/process-admin/definitions/${grant.versions[0].id}`)
      .withGuard('api')
      .loginAs(await as('processadmin'))
    one.assertStatus(200)
    assert.equal(one.body().data.xml, grantXml())
    assert.equal(one.body().data.runningInstances, 1)

    const missing = await client
      .get('/api/v1/process-admin/definitions/999999')
      .withGuard('api')
      .loginAs(await as('processadmin'))
    missing.assertStatus(404)
  })

  test('a changed process deploys as a new version; identical XML deploys nothing', async ({
    client,
    assert,
  }) => {
    const admin = await as('processadmin')
    const changed = grantXml().replace('name="开通授权"', 'name="开通数据授权"')
    const first = await client
      .post('/api/v1/process-admin/definitions')
      .json({ name: 'sharing_grant.bpmn', xml: changed })
      .withGuard('api')
      .loginAs(admin)
    first.assertStatus(201)
    assert.equal(first.body().data.key, 'sharing_grant')
    assert.equal(first.body().data.version, 2)
    assert.isTrue(first.body().data.created)

    const again = await client
      .post('/api/v1/process-admin/definitions')
      .json({ name: 'sharing_grant.bpmn', xml: changed })
      .withGuard('api')
      .loginAs(admin)
    again.assertStatus(200)
    assert.isFalse(again.body().data.created)
    assert.equal(again.body().data.version, 2)

    const list = await client
      .get('/api/v1/process-admin/definitions')
      .withGuard('api')
      .loginAs(admin)
    const grant = list.body().data.find((d: any) => d.key === 'sharing_grant')
    assert.deepEqual(
      grant.versions.map((v: any) => v.version),
      [2, 1]
    )
    const audits = await auditRows('process.deploy')
    assert.deepEqual(
      audits.map((a: any) => a.result),
      ['success', 'success']
    )
  })

  test('a broken process is refused with every problem, and the attempt is audited', async ({
    client,
    assert,
  }) => {
    const admin = await as('processadmin')
    const broken = grantXml()
      .replace('camunda:topic="grant.provision"', 'camunda:topic="grant.teleport"')
      .replace('name="开通授权"', 'name="开通授权 v2"')
    const response = await client
      .post('/api/v1/process-admin/definitions')
      .json({ xml: broken })
      .withGuard('api')
      .loginAs(admin)
      .header('Accept-Language', 'en')
    response.assertStatus(422)
    assert.equal(response.body().error.code, 'E_INVALID_DEFINITION')
    const messages = response.body().error.details.map((d: any) => `${d.element}: ${d.message}`)
    assert.isTrue(
      messages.some((m: string) => m.includes('grant.teleport')),
      messages.join('\n')
    )

    const garbage = await client
      .post('/api/v1/process-admin/definitions')
      .json({ xml: '<not-bpmn' })
      .withGuard('api')
      .loginAs(admin)
    garbage.assertStatus(422)
    assert.equal(garbage.body().error.code, 'E_INVALID_DEFINITION')

    const unknownField = await client
      .post('/api/v1/process-admin/definitions')
      .json({ xml: grantXml(), key: 'x' })
      .withGuard('api')
      .loginAs(admin)
    unknownField.assertStatus(422)

    const audits = await auditRows('process.deploy')
    assert.deepEqual(
      audits.map((a: any) => a.result),
      ['failure', 'failure']
    )
    const list = await client
      .get('/api/v1/process-admin/definitions')
      .withGuard('api')
      .loginAs(admin)
    const grant = list.body().data.find((d: any) => d.key === 'sharing_grant')
    assert.lengthOf(grant.versions, 1)
  })
})

test.group('Process admin / incidents', (group) => {
  isolate(group)
  group.each.setup(() => workflowRuntime.reset())

  test('a topic out of retries is an incident; the admin fixes the data and retries it', async ({
    client,
    assert,
  }) => {
    const admin = await as('processadmin')
    const port = await workflowRuntime.port()
    // No applicantOrg: request.compliance_check fails on every attempt.
    const { instance } = await port.startByKey('data_request', 'REQ-INCIDENT-1', {
      applicant: '1',
      applicantInternal: true,
      validUntil: clock.now().plus({ days: 30 }).toISO(),
      datasets: [
        { code: 'DS-1', sharingAttribute: 'conditional', grade: 'general', ownerOrg: 'OWN' },
      ],
    })
    for (let attempt = 0; attempt < 3; attempt++) {
      await workflowRuntime.tick()
      clock.travel({ minutes: 2 })
    }

    const incident = await retryComplianceIncident(client, assert, admin, port, instance.id)
    const [audit] = await auditRows('process.incident_retry')
    assert.equal(audit.object_id, incident.id)

    const gone = await client
      .post(`/api/v1/process-admin/incidents/${incident.id}/retry`)
      .json({})
      .withGuard('api')
      .loginAs(admin)
    gone.assertStatus(404)
  })
})
