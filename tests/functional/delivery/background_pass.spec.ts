import { test } from '@japa/runner'
import Grant from '#models/grant'
import SubmitRequest from '#actions/requests/submit_request'
import workflowRuntime from '#services/workflow_runtime'
import { dispatchOutbox } from '#services/requests/outbox'
import { syncRequest } from '#services/requests/request_sync'
import { SYSTEM_ACTOR } from '#services/audit/audit_log'
import { demoUser, isolate } from '#tests/helpers'
import { requestBody, setupDelivery } from './fixtures.js'

/*
 * The web server's background pass (start/workflow.ts) and a submit race for the same fresh
 * outbox row: when the pass fetches the request's external tasks first, the submit's own
 * settle() finds nothing to run. It must then wait for the pass, not answer with the process
 * half-way ('in_review' for a request that is auto-approved a moment later).
 */
test.group('Delivery · submit while a background pass runs', (group) => {
  isolate(group)
  group.each.setup(() => setupDelivery())
  group.each.teardown(() => workflowRuntime.stopLoop())

  test('the submit still answers approved, with its grant in place', async ({ assert }) => {
    const user = await demoUser('applicant')
    const input = { ...requestBody(), validUntil: new Date(requestBody().validUntil!) }
    const request = await new SubmitRequest().handle(user, input as any, SYSTEM_ACTOR)
    // The first pass starts at once and takes the pending outbox row, as on a busy server.
    workflowRuntime.startLoop(3_600_000)
    // What RequestsController.store does after storing the request.
    const port = await workflowRuntime.port()
    await dispatchOutbox(port, request.code)
    await workflowRuntime.settle()
    await request.refresh()
    await syncRequest(port, request)

    assert.equal(request.status, 'approved')
    const grant = await Grant.findBy('requestCode', request.code)
    assert.equal(grant?.status, 'active')
  })
})
