import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import type DataRequest from '#models/data_request'
import clock from '#services/clock'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import workflowRuntime from '#services/workflow_runtime'
import { syncRequest } from '#services/requests/request_sync'
import { recordAction } from '#services/requests/request_actions'
import { recipientsOf } from '#services/notifications/recipients'
import { notifyTaskPeople } from '#services/notifications/operation_notifications'
import RequestStateException from '#exceptions/request_state_exception'
import UrgeTooSoonException from '#exceptions/urge_too_soon_exception'

/** One reminder per person and request in this window, so 催办 cannot become spam. */
export const URGE_INTERVAL_MS = 30 * 60 * 1000

/*
 * 催办: whoever may act on the request's open steps (and added approvers still to sign) gets a
 * reminder. The applicant or a reviewer who already acted may urge.
 */
export default class UrgeRequest {
  async handle(user: User, request: DataRequest, note: string | null, actor: AuditActor) {
    const port = await workflowRuntime.port()
    await syncRequest(port, request)
    if (request.status !== 'in_review')
      throw new RequestStateException(request.code, request.status)
    const last = await db
      .from('request_actions')
      .where({ business_key: request.code, action: 'urge', actor_id: user.id })
      .max('created_at as at')
      .first()
    const since = clock.nowMs() - Number(last?.at ?? 0)
    if (last?.at && since < URGE_INTERVAL_MS)
      throw new UrgeTooSoonException(request.code, Math.ceil((URGE_INTERVAL_MS - since) / 1000))

    const instance = await port.findInstance('data_request', request.code)
    const tasks = instance ? await port.queryTasks({ instanceId: instance.id, status: 'open' }) : []
    const signers = await db
      .from('task_signoffs')
      .whereIn(
        'task_id',
        tasks.map((t) => t.id)
      )
      .where('status', 'pending')
      .select('user_id', 'task_id')
    let reached = 0
    for (const task of tasks) {
      const people = new Set(await recipientsOf(task))
      for (const row of signers) if (row.task_id === task.id) people.add(Number(row.user_id))
      people.delete(user.id)
      reached += people.size
      await notifyTaskPeople(
        [...people],
        'request_urged',
        task,
        `urge-${clock.nowMs()}`,
        [
          `${user.displayName} 催办：请尽快处理「${task.name ?? task.activityId}」`,
          `${user.displayName} asks you to act on this request soon`,
        ],
        note
      )
    }
    await recordAction(request.code, 'data_request', {
      action: 'urge',
      actorId: user.id,
      opinion: note,
      data: { tasks: tasks.map((t) => t.id), reached },
    })
    await recordAudit(actor, {
      action: 'request.urge',
      result: 'success',
      objectType: 'data_request',
      objectId: request.code,
      details: { reached },
    })
    return { reached }
  }
}
