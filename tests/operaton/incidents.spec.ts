import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import clock from '#services/clock'
import workflowRuntime from '#services/workflow_runtime'
import type { OperatonWorkflowEngine } from '#workflow/operaton/operaton_engine'
import { TopicClient } from '#workflow/operaton/topic_client'
import type { TopicDefinition } from '#workflow/types'
import { demoUser, isolate } from '#tests/helpers'
import { retryComplianceIncident } from '../functional/process_admin/incident_steps.js'
import complianceCheck from '../../workflows/topics/request_compliance_check.js'

test.group('Process admin / Operaton incidents (real worker)', (group) => {
  isolate(group)
  group.each.setup(() => workflowRuntime.reset())

  test('an always-failing topic becomes an Operaton incident in the admin API and is retried from there', async ({
    client,
    assert,
  }) => {
    const admin = await demoUser('processadmin')
    const port = (await workflowRuntime.port()) as OperatonWorkflowEngine
    const run = randomUUID()
    // No applicantOrg: the compliance check throws on every attempt.
    const { instance } = await port.startByKey('data_request', `REQ-${run}`, {
      applicant: '1',
      applicantInternal: true,
      validUntil: clock.now().plus({ days: 30 }).toISO(),
      datasets: [
        { code: 'DS-1', sharingAttribute: 'conditional', grade: 'general', ownerOrg: 'OWN' },
      ],
      faultRun: run,
    })
    const quick: TopicDefinition = { ...complianceCheck, retries: 3, retryTimeoutMs: () => 200 }
    const worker = new TopicClient(port, [quick], {
      workerId: `incident-${run}`,
      asyncResponseTimeoutMs: 500,
      processVariables: { faultRun: run },
    })
    worker.start()
    try {
      for (let waited = 0; !(await port.incidents(instance.id)).length; waited += 200) {
        if (waited > 30_000) throw new Error('no incident after 30 s')
        await sleep(200)
      }
    } finally {
      await worker.stop()
    }
    const failures = (await port.history(instance.id)).filter((e) => e.type === 'external_failed')
    assert.deepEqual(
      failures.map((e) => e.data?.retries),
      [2, 1, 0]
    )

    await retryComplianceIncident(client, assert, admin, port, instance.id)
  }).timeout(90_000)
})
