import type User from '#models/user'
import DataRequest from '#models/data_request'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { nodeConfig } from '#services/requests/node_config'
import workflowRuntime from '#services/workflow_runtime'
import { syncRequest } from '#services/requests/request_sync'
import { visibleTask } from '#services/requests/inbox'
import FieldConflictException from '#exceptions/field_conflict_exception'
import { TaskConflictException } from '#workflow/port'
import type { Variables, WorkflowTask } from '#workflow/types'

export type DecisionAction = 'approve' | 'reject' | 'return'

export interface DecisionInput {
  action: DecisionAction
  opinion?: string | null
  approvedCodes?: string[]
  version: number
}

/*
 * 同意 / 驳回 / 退回 on a review task. Each node speaks its own variables (the owner review decides
 * its part with approved/approvedCodes; the others route on `decision`), so the mapping lives here
 * and the .bpmn conditions stay short. A stale version or a task already decided → 409.
 */
export default class DecideTask {
  async handle(
    user: User,
    groups: string[],
    taskId: string,
    input: DecisionInput,
    actor: AuditActor
  ) {
    const port = await workflowRuntime.port()
    const task = await visibleTask(port, user, groups, taskId)
    const config = await nodeConfig(task.processKey, task.activityId)
    if (!config.buttons.includes(input.action)) {
      throw new FieldConflictException(
        'action',
        'in',
        '此节点不提供该操作 / this node does not offer this action'
      )
    }
    const opinion = input.opinion?.trim() || null
    if (!opinion && (config.opinionRequired || input.action !== 'approve')) {
      throw new FieldConflictException(
        'opinion',
        'required',
        '请填写审批意见 / an opinion is required'
      )
    }
    if (input.action === 'return' && task.activityId === 'owner_review') {
      // The owner review has no return flow of its own: move the token back to the applicant (退回).
      if (task.version !== input.version) throw new TaskConflictException(task.id)
      await port.moveToken(task.instanceId, 'owner_review', 'amend', String(user.id))
    } else {
      await port.complete(
        task.id,
        this.variables(task, input, opinion),
        input.version,
        String(user.id)
      )
    }
    await recordAudit(actor, {
      action: `task.${input.action}`,
      result: 'success',
      objectType: 'workflow_task',
      objectId: task.id,
      details: { businessKey: task.businessKey, activityId: task.activityId, opinion },
    })
    await workflowRuntime.settle()
    const request = await DataRequest.findBy('code', task.businessKey)
    if (request) await syncRequest(port, request)
    return task
  }

  /** Also used by the timeout scheduler's automatic decisions (decide_on_timeout.ts). */
  variables(task: WorkflowTask, input: DecisionInput, opinion: string | null): Variables {
    if (task.activityId === 'owner_review') {
      const codes = input.approvedCodes
      return {
        approved: input.action === 'approve',
        ...(codes ? { approvedCodes: codes } : {}),
        opinion,
      }
    }
    return { decision: input.action, opinion }
  }
}
