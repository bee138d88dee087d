import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { membersOf, recipientsOf } from '#services/notifications/recipients'
import { nodeConfig } from '#services/requests/node_config'
import { recordAction } from '#services/requests/request_actions'
import { decisionVariables } from '#services/requests/decision_variables'
import { notifyTaskPeople } from '#services/notifications/operation_notifications'
import type { WorkflowPort } from '#workflow/port'

export const SYSTEM_ACTOR = 'system'

/*
 * 无人匹配: a task whose candidates resolve to nobody (an organisation without a head or without
 * owner reviewers) would wait forever. The node's `noCandidate` decides: `admin` gives it to the
 * process admins (the lowest id holds it, all are told), `auto_approve` passes it with an opinion
 * saying why. Handled once per task (the action log). Returns how many tasks were completed.
 */
export async function routeUnmatched(port: WorkflowPort, instanceId: string) {
  const open = await port.queryTasks({ instanceId, status: 'open' })
  let completed = 0
  for (const task of open) {
    if (task.assignee) continue
    const recipients = await recipientsOf(task)
    if (recipients.length) continue
    const handled = await db
      .from('request_actions')
      .where({ task_id: task.id, action: 'fallback' })
      .first()
    if (handled) continue
    const { noCandidate } = await nodeConfig(task.processKey, task.activityId)
    if (noCandidate === 'auto_approve') {
      const opinion = '无匹配审核人，按节点配置自动通过 / no reviewer matched; passed as configured'
      await port.complete(
        task.id,
        decisionVariables(task, 'approve', opinion),
        task.version,
        SYSTEM_ACTOR
      )
      completed++
    } else {
      const admins = await membersOf('role:process_admin')
      if (!admins.length) {
        logger.warn({ taskId: task.id }, 'no candidate and no process admin for a task')
        continue
      }
      await port.setAssignee(task.id, String(admins[0]), SYSTEM_ACTOR)
      await notifyTaskPeople(admins, 'task_assigned', task, 'fallback', [
        `「${task.name ?? task.activityId}」无匹配审核人，已转流程管理员`,
        'No reviewer matched this task; it was given to the process admins',
      ])
    }
    await recordAction(task.businessKey, task.processKey, {
      action: 'fallback',
      actorId: null,
      task,
      data: { noCandidate, groups: task.candidateGroups },
    })
  }
  return completed
}
