import db from '@adonisjs/lucid/services/db'
import type DataRequest from '#models/data_request'
import type { RequestStatus } from '#models/data_request'
import clock from '#services/clock'
import type { WorkflowPort } from '#workflow/port'
import { notifyDecision, notifyOpenTasks } from '#services/notifications/request_notifications'
import { routeUnmatched } from '#services/requests/unmatched_tasks'

/*
 * The request row mirrors its process: in review, returned to the applicant (the `amend` task is
 * open), or ended — approved, partially approved (a subset of datasets) or rejected. Withdrawn and
 * cancelled are written by those actions and never overwritten here.
 */
export async function syncRequest(port: WorkflowPort, request: DataRequest): Promise<DataRequest> {
  if (request.isFinal) return request
  const instance = await port.findInstance('data_request', request.code)
  if (!instance) return request

  let status: RequestStatus = 'in_review'
  let approved: string[] | null = null
  let reason: string | null = null
  if (instance.status === 'completed') {
    approved = Array.isArray(instance.variables.approvedDatasets)
      ? (instance.variables.approvedDatasets as string[])
      : []
    // request.open_grant sets grantInstanceId: only the approved path passes through it.
    const opened = typeof instance.variables.grantInstanceId === 'string' && approved.length > 0
    status = !opened
      ? 'rejected'
      : approved.length < request.datasetCodes.length
        ? 'partially_approved'
        : 'approved'
    reason =
      typeof instance.variables.rejectionReason === 'string'
        ? instance.variables.rejectionReason
        : null
  } else if (instance.status === 'cancelled') {
    status = 'cancelled'
  } else {
    const amend = await port.queryTasks({
      instanceId: instance.id,
      activityId: 'amend',
      status: 'open',
    })
    if (amend.length) status = 'returned'
    if (await routeUnmatched(port, instance.id)) {
      // An unmatched task passed automatically: let the engine move on, then look again.
      const { default: workflowRuntime } = await import('#services/workflow_runtime')
      await workflowRuntime.settle()
      return syncRequest(port, request)
    }
    await notifyOpenTasks(port, request.code, instance.id)
  }

  if (status === request.status && request.processInstanceId === instance.id) return request
  request.merge({
    status,
    processInstanceId: instance.id,
    approvedCodes: approved ?? request.approvedCodes,
    outcomeReason: reason ?? request.outcomeReason,
    decidedAt: ['approved', 'partially_approved', 'rejected'].includes(status)
      ? clock.now()
      : request.decidedAt,
    version: request.version + 1,
  })
  await request.save()
  await notifyDecision(request)
  return request
}

let requestCursor = 0

/**
 * Keeps every unfinished request in step (the server's background loop), `limit` per pass in id
 * order from where the last pass stopped, so with many open requests every one gets its turn.
 */
export async function syncOpenRequests(port: WorkflowPort, limit = 200) {
  const { default: DataRequest } = await import('#models/data_request')
  const page = () =>
    DataRequest.query()
      .whereIn('status', ['submitted', 'in_review', 'returned'])
      .where('id', '>', requestCursor)
      .orderBy('id', 'asc')
      .limit(limit)
  let open = await page()
  if (open.length < limit && requestCursor > 0) {
    requestCursor = 0
    const seen = new Set(open.map((r) => r.id))
    const wrapped = await page()
    open = [...open, ...wrapped.filter((r) => !seen.has(r.id))].slice(0, limit)
  }
  requestCursor = open.length ? open[open.length - 1].id : 0
  for (const request of open) await syncRequest(port, request)
  return open.length
}

export async function pendingOutboxCount() {
  const [{ n }] = await db.from('workflow_outbox').where('status', 'pending').count('* as n')
  return Number(n)
}
