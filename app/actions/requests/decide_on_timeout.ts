import DataRequest from '#models/data_request'
import DecideTask from '#actions/requests/decide_task'
import { auditTimeout } from '#services/requests/timeout_actions'
import { syncRequest } from '#services/requests/request_sync'
import workflowRuntime from '#services/workflow_runtime'
import type { WorkflowPort } from '#workflow/port'
import type { WorkflowTask } from '#workflow/types'

export const TIMEOUT_OPINIONS = { approve: '超时自动通过', reject: '超时自动驳回' } as const

/*
 * 超时自动通过 / 驳回: the node's timeout completes the task with the same variables a reviewer's
 * decision would set, as the system, and is audited like one. A task someone decided meanwhile
 * raises TaskConflictException, which the scheduler records as skipped.
 */
export default class DecideOnTimeout {
  async handle(port: WorkflowPort, task: WorkflowTask, action: 'approve' | 'reject') {
    const opinion = TIMEOUT_OPINIONS[action]
    const variables = new DecideTask().variables(
      task,
      { action, opinion, version: task.version },
      opinion
    )
    await port.complete(task.id, variables, task.version, 'system')
    await auditTimeout(`task.${action}`, task, { opinion })
    await workflowRuntime.settle()
    const request = await DataRequest.findBy('code', task.businessKey)
    if (request) await syncRequest(port, request)
  }
}
