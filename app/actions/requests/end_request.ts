import db from '@adonisjs/lucid/services/db'
import type DataRequest from '#models/data_request'
import clock from '#services/clock'
import workflowRuntime from '#services/workflow_runtime'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { syncRequest } from '#services/requests/request_sync'
import RequestStateException from '#exceptions/request_state_exception'
import { notifyEnded, openTaskRecipients } from '#services/notifications/request_notifications'

/*
 * 撤回 withdraw (the applicant, while no reviewer has acted) and 取消 cancel (the applicant or a
 * process admin, any time before a decision): both end the process and keep the record.
 */
export default class EndRequest {
  async withdraw(request: DataRequest, reason: string, actor: AuditActor) {
    const port = await workflowRuntime.port()
    await syncRequest(port, request)
    if (request.isFinal) throw new RequestStateException(request.code, request.status)
    const instance = await port.findInstance('data_request', request.code)
    if (instance) {
      const history = await port.history(instance.id)
      const acted = history.some((e) => e.type === 'task_completed')
      if (acted) throw new RequestStateException(request.code, 'reviewed')
    }
    return this.end(request, 'withdrawn', reason, actor)
  }

  async cancel(request: DataRequest, reason: string, actor: AuditActor) {
    const port = await workflowRuntime.port()
    await syncRequest(port, request)
    if (request.isFinal) throw new RequestStateException(request.code, request.status)
    return this.end(request, 'cancelled', reason, actor)
  }

  private async end(
    request: DataRequest,
    status: 'withdrawn' | 'cancelled',
    reason: string,
    actor: AuditActor
  ) {
    const port = await workflowRuntime.port()
    const instance = await port.findInstance('data_request', request.code)
    let reviewers: number[] = []
    if (instance && instance.status === 'running') {
      reviewers = await openTaskRecipients(port, instance.id)
      await port.cancel(instance.id, `${status}: ${reason}`, String(actor.actorId))
    }
    // Not yet started (outbox pending): the dispatcher must not start it later.
    await db.transaction(async (trx) => {
      request.useTransaction(trx)
      request.merge({
        status,
        outcomeReason: reason,
        decidedAt: clock.now(),
        version: request.version + 1,
      })
      await request.save()
      await trx
        .from('workflow_outbox')
        .where('business_key', request.code)
        .where('status', 'pending')
        .update({ status: 'discarded' })
      const action = status === 'withdrawn' ? 'request.withdraw' : 'request.cancel'
      await recordAudit(
        actor,
        {
          action,
          result: 'success',
          objectType: 'data_request',
          objectId: request.code,
          details: { reason },
        },
        trx
      )
      await notifyEnded(request, status, reviewers, actor.actorId, trx)
    })
    return request
  }
}
