import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import DataRequest from '#models/data_request'
import TaskBusyException from '#exceptions/task_busy_exception'
import FieldConflictException from '#exceptions/field_conflict_exception'
import { visibleTask } from '#services/requests/inbox'
import { nodeConfig } from '#services/requests/node_config'
import { TaskConflictException, type WorkflowPort } from '#workflow/port'
import type { WorkflowTask } from '#workflow/types'

/*
 * The checks every reviewer operation shares: the task is the caller's to act on, unchanged since
 * they loaded it, and not waiting for a delegate or for added approvers.
 */
export async function actionableTask(
  port: WorkflowPort,
  user: User,
  groups: string[],
  taskId: string,
  version: number,
  options: { allowDelegated?: boolean } = {}
): Promise<WorkflowTask> {
  const task = await visibleTask(port, user, groups, taskId)
  if (task.version !== version) throw new TaskConflictException(task.id)
  if (task.delegationState === 'pending' && !options.allowDelegated)
    throw new TaskBusyException(task.id, 'delegated')
  const held = await db.from('held_decisions').where('task_id', task.id).first()
  if (held) throw new TaskBusyException(task.id, 'held')
  const before = await db
    .from('task_signoffs')
    .where({ task_id: task.id, position: 'before', status: 'pending' })
    .first()
  if (before) throw new TaskBusyException(task.id, 'signoff')
  return task
}

/**
 * The people a reviewer may hand work to or add: active reviewers other than themselves and the
 * applicant (no one reviews their own request). One message names every id that fails.
 */
export async function reviewTargets(task: WorkflowTask, actor: User, userIds: number[]) {
  const unique = [...new Set(userIds)]
  const users = await User.query().whereIn('id', unique).preload('roleRows')
  const request = await DataRequest.findBy('code', task.businessKey)
  const refused = unique.filter((id) => {
    const user = users.find((u) => u.id === id)
    return (
      !user ||
      user.status !== 'active' ||
      !user.hasPermission('task.review') ||
      id === actor.id ||
      id === request?.applicantId
    )
  })
  if (refused.length) {
    throw new FieldConflictException(
      'userIds',
      'reviewer',
      `须为其他在岗审核人（不能是本人或申请人）/ must be other active reviewers, not yourself or the applicant: ${refused.join(', ')}`
    )
  }
  return unique.map((id) => users.find((u) => u.id === id)!)
}

/** The node's configured buttons decide which operations it offers (APPROVALS.md §4). */
export async function requireButton(task: WorkflowTask, button: string) {
  const config = await nodeConfig(task.processKey, task.activityId)
  if (!config.buttons.includes(button)) {
    throw new FieldConflictException(
      'action',
      'in',
      '此节点不提供该操作 / this node does not offer this action'
    )
  }
  return config
}
