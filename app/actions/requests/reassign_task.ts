import type User from '#models/user'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import workflowRuntime from '#services/workflow_runtime'
import { actionableTask, requireButton, reviewTargets } from '#services/requests/task_guard'
import { recordAction, type RequestAction } from '#services/requests/request_actions'
import { notifyTaskPeople } from '#services/notifications/operation_notifications'
import FieldConflictException from '#exceptions/field_conflict_exception'
import type { WorkflowTask } from '#workflow/types'

export interface HandOverInput {
  userId: number
  opinion?: string | null
  version: number
}

/*
 * 转办 (the task is the other person's for good), 委派 (they work it and hand it back) and the
 * delegate's 交还 (resolve). The engine keeps assignee/owner; we keep the opinion and the message.
 */
const HAND_OVER = {
  transfer: {
    kind: 'task_transferred',
    title: (who: string, step: string): [string, string] => [
      `${who} 将审批任务「${step}」转交给您`,
      `${who} transferred a review task to you`,
    ],
  },
  delegate: {
    kind: 'task_delegated',
    title: (who: string, step: string): [string, string] => [
      `${who} 委派您处理「${step}」，处理后请交还`,
      `${who} delegated a review task to you; resolve it when done`,
    ],
  },
} as const

export default class ReassignTask {
  /** 转办 (`transfer`) or 委派 (`delegate`) to one other reviewer. */
  async handOver(
    mode: keyof typeof HAND_OVER,
    user: User,
    groups: string[],
    taskId: string,
    input: HandOverInput,
    actor: AuditActor
  ) {
    const port = await workflowRuntime.port()
    const task = await actionableTask(port, user, groups, taskId, input.version)
    await requireButton(task, mode)
    const [target] = await reviewTargets(task, user, [input.userId])
    const updated =
      mode === 'transfer'
        ? await port.setAssignee(task.id, String(target.id), String(user.id))
        : await port.delegate(task.id, String(target.id), String(user.id))
    await this.record(task, mode, user, [target.id], input.opinion, actor)
    const { kind, title } = HAND_OVER[mode]
    await notifyTaskPeople(
      [target.id],
      kind,
      task,
      `v${updated.version}`,
      title(user.displayName, task.name ?? task.activityId),
      input.opinion ?? null
    )
    return updated
  }

  /** Only the delegate, with an opinion: the owner reads it before deciding. */
  async resolve(
    user: User,
    groups: string[],
    taskId: string,
    input: { opinion?: string | null; version: number },
    actor: AuditActor
  ) {
    const port = await workflowRuntime.port()
    const task = await actionableTask(port, user, groups, taskId, input.version, {
      allowDelegated: true,
    })
    if (task.delegationState !== 'pending' || task.assignee !== String(user.id)) {
      throw new FieldConflictException(
        'action',
        'delegated',
        '只有受托人可以交还委派的任务 / only the delegate can resolve a delegated task'
      )
    }
    const opinion = input.opinion?.trim()
    if (!opinion) {
      throw new FieldConflictException(
        'opinion',
        'required',
        '请填写处理意见 / an opinion is required'
      )
    }
    const updated = await port.resolve(task.id, {}, String(user.id))
    const owner = Number(task.owner)
    await this.record(task, 'resolve', user, Number.isInteger(owner) ? [owner] : [], opinion, actor)
    if (Number.isInteger(owner)) {
      await notifyTaskPeople(
        [owner],
        'task_resolved',
        task,
        `v${updated.version}`,
        [
          `${user.displayName} 已处理您委派的「${task.name ?? task.activityId}」`,
          `${user.displayName} resolved the task you delegated`,
        ],
        opinion
      )
    }
    return updated
  }

  private async record(
    task: WorkflowTask,
    action: RequestAction,
    user: User,
    targets: number[],
    opinion: string | null | undefined,
    actor: AuditActor
  ) {
    await recordAction(task.businessKey, task.processKey, {
      action,
      actorId: user.id,
      task,
      targets,
      opinion: opinion?.trim() || null,
    })
    await recordAudit(actor, {
      action: `task.${action}`,
      result: 'success',
      objectType: 'workflow_task',
      objectId: task.id,
      details: { businessKey: task.businessKey, activityId: task.activityId, targets },
    })
  }
}
