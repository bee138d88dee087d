import type { Infer } from '@vinejs/vine/types'
import type User from '#models/user'
import type DataRequest from '#models/data_request'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import workflowRuntime from '#services/workflow_runtime'
import { syncRequest } from '#services/requests/request_sync'
import { recordAction } from '#services/requests/request_actions'
import { finishStep } from '#services/requests/signoffs'
import SubmitRequest from '#actions/requests/submit_request'
import RequestStateException from '#exceptions/request_state_exception'
import { TaskConflictException } from '#workflow/port'
import type { submitRequestValidator } from '#validators/request'

type Input = Infer<typeof submitRequestValidator> & { version: number }

/*
 * 修改后重新提交: after a return, the applicant's corrected form goes through the submit checks
 * again and completes the `amend` step; the process re-runs its compliance check and routing.
 */
export default class AmendRequest {
  async handle(user: User, request: DataRequest, input: Input, actor: AuditActor) {
    const port = await workflowRuntime.port()
    await syncRequest(port, request)
    if (request.status !== 'returned') throw new RequestStateException(request.code, request.status)
    if (request.version !== input.version) throw new TaskConflictException(request.code)
    const { form, variables } = await new SubmitRequest().prepare(user, input, request.code)
    const [task] = await port.queryTasks({
      businessKey: request.code,
      processKey: 'data_request',
      activityId: 'amend',
      status: 'open',
    })
    if (!task) throw new RequestStateException(request.code, request.status)
    await port.complete(task.id, variables, task.version, String(user.id))

    const previous = request.form
    request.merge({
      form,
      datasetCodes: form.datasets,
      status: 'in_review',
      version: request.version + 1,
    })
    await request.save()
    await recordAction(request.code, 'data_request', {
      action: 'amend',
      actorId: user.id,
      task,
      data: { previousForm: previous },
    })
    await recordAudit(actor, {
      action: 'request.amend',
      result: 'success',
      objectType: 'data_request',
      objectId: request.code,
      details: { datasets: form.datasets },
    })
    await finishStep(port, request.code)
    await request.refresh()
    return request
  }
}
