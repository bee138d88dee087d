import { auditTimeout } from '#services/requests/timeout_actions'
import { decisionVariables } from '#services/requests/decision_variables'
import { recordAction } from '#services/requests/request_actions'
import { finishStep } from '#services/requests/signoffs'
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
    const variables = decisionVariables(task, action, opinion)
    await port.complete(task.id, variables, task.version, 'system')
    await recordAction(task.businessKey, task.processKey, {
      action,
      actorId: null,
      task,
      opinion,
      data: { timeout: true },
    })
    await auditTimeout(`task.${action}`, task, { opinion })
    await finishStep(port, task.businessKey)
  }
}
