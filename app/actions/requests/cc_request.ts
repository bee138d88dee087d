import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import clock from '#services/clock'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import workflowRuntime from '#services/workflow_runtime'
import { visibleTask } from '#services/requests/inbox'
import { recordAction } from '#services/requests/request_actions'
import { requireButton } from '#services/requests/task_guard'
import { notifyTaskPeople } from '#services/notifications/operation_notifications'
import FieldConflictException from '#exceptions/field_conflict_exception'

/*
 * 抄送: read-only sight of the request for the people named, and a message. Naming someone
 * already copied is harmless (one row per request and person).
 */
export default class CcRequest {
  async handle(
    user: User,
    groups: string[],
    taskId: string,
    input: { userIds: number[]; note?: string | null },
    actor: AuditActor
  ) {
    const port = await workflowRuntime.port()
    const task = await visibleTask(port, user, groups, taskId)
    await requireButton(task, 'cc')
    const ids = [...new Set(input.userIds)]
    const users = await User.query().whereIn('id', ids).where('status', 'active')
    const refused = ids.filter((id) => id === user.id || !users.some((u) => u.id === id))
    if (refused.length) {
      throw new FieldConflictException(
        'userIds',
        'exists',
        `须为其他在岗用户 / must be other active users: ${refused.join(', ')}`
      )
    }
    const note = input.note?.trim() || null
    const already = await db
      .from('request_cc')
      .where('business_key', task.businessKey)
      .whereIn('user_id', ids)
      .select('user_id')
    const fresh = ids.filter((id) => !already.some((row: any) => Number(row.user_id) === id))
    if (fresh.length) {
      await db.table('request_cc').insert(
        fresh.map((id) => ({
          business_key: task.businessKey,
          process_key: task.processKey,
          user_id: id,
          added_by: user.id,
          note,
          created_at: clock.nowMs(),
        }))
      )
    }
    await recordAction(task.businessKey, task.processKey, {
      action: 'cc',
      actorId: user.id,
      task,
      targets: ids,
      opinion: note,
    })
    await recordAudit(actor, {
      action: 'task.cc',
      result: 'success',
      objectType: 'workflow_task',
      objectId: task.id,
      details: { businessKey: task.businessKey, targets: ids },
    })
    await notifyTaskPeople(
      fresh,
      'request_cc',
      task,
      'cc',
      [
        `${user.displayName} 抄送给您一份数据申请`,
        `${user.displayName} copied you on a data request`,
      ],
      note
    )
    return { copied: fresh, alreadyCopied: ids.filter((id) => !fresh.includes(id)) }
  }
}
