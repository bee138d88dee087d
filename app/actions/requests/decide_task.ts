import type User from '#models/user'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import workflowRuntime from '#services/workflow_runtime'
import { actionableTask, requireButton } from '#services/requests/task_guard'
import { recordAction } from '#services/requests/request_actions'
import {
  dropAfterSignoffs,
  finishStep,
  hasWaitingAfter,
  holdDecision,
} from '#services/requests/signoffs'
import { notifyTaskPeople } from '#services/notifications/operation_notifications'
import FieldConflictException from '#exceptions/field_conflict_exception'
import DataRequest from '#models/data_request'
import { narrowForm, type FormChanges } from '#services/requests/review_form'
import type { WorkflowTask } from '#workflow/types'
import { decisionVariables, type DecisionAction } from '#services/requests/decision_variables'

export interface DecisionInput {
  action: DecisionAction
  opinion?: string | null
  approvedCodes?: string[]
  formChanges?: FormChanges
  version: number
}

/*
 * 同意 / 驳回 / 退回 on a review task. A stale version or a task already decided → 409; a task
 * waiting for its delegate or added approvers → 409 saying so. With approvers added after the
 * reviewer (后加签), an approval is held until they have signed.
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
    const task = await actionableTask(port, user, groups, taskId, input.version)
    const config = await requireButton(task, input.action)
    const opinion = input.opinion?.trim() || null
    if (!opinion && (config.opinionRequired || input.action !== 'approve')) {
      throw new FieldConflictException(
        'opinion',
        'required',
        '请填写审批意见 / an opinion is required'
      )
    }
    const variables = decisionVariables(task, input.action, opinion, input.approvedCodes)
    const narrowed = await this.narrowed(task, input, config.fieldPermissions)
    if (narrowed) variables.validUntil = narrowed.form.validUntil
    let held = false
    if (input.action === 'approve' && (await hasWaitingAfter(task.id))) {
      const signers = await holdDecision(task, user.id, variables)
      held = true
      await notifyTaskPeople(signers, 'signoff_requested', task, 'after', [
        `${user.displayName} 已同意，请您加签「${task.name ?? task.activityId}」`,
        `${user.displayName} approved; your sign-off is needed`,
      ])
    } else {
      if (input.action !== 'approve') await dropAfterSignoffs(task.id)
      if (input.action === 'return' && task.activityId === 'owner_review') {
        // The owner review has no return flow of its own: move the token back to the applicant (退回).
        await port.moveToken(task.instanceId, 'owner_review', 'amend', String(user.id))
      } else {
        await port.complete(task.id, variables, input.version, String(user.id))
      }
    }
    if (narrowed) {
      narrowed.request.merge({ form: narrowed.form, version: narrowed.request.version + 1 })
      await narrowed.request.save()
    }
    const changes = narrowed ? { previousForm: narrowed.previous, formChanges: narrowed.form } : {}
    await recordAction(task.businessKey, task.processKey, {
      action: input.action,
      actorId: user.id,
      task,
      opinion,
      data: held || narrowed ? { ...(held ? { held: true } : {}), ...changes } : undefined,
    })
    await recordAudit(actor, {
      action: `task.${input.action}`,
      result: 'success',
      objectType: 'workflow_task',
      objectId: task.id,
      details: { businessKey: task.businessKey, activityId: task.activityId, opinion, held },
    })
    if (!held) await finishStep(port, task.businessKey)
    return task
  }

  /** 字段权限: an approval may narrow the editable request fields (docs/requests.md). */
  private async narrowed(
    task: WorkflowTask,
    input: DecisionInput,
    permissions: Parameters<typeof narrowForm>[1]
  ) {
    const changes = input.formChanges
    if (!changes || Object.keys(changes).length === 0) return null
    const request = await DataRequest.findBy('code', task.businessKey)
    if (!request || input.action !== 'approve') {
      throw new FieldConflictException(
        'formChanges',
        'approve',
        '只有同意时可以调整申请内容 / the request can only be narrowed when approving'
      )
    }
    return { request, previous: request.form, form: narrowForm(request.form, permissions, changes) }
  }
}
