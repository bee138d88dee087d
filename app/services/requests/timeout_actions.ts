import { DateTime } from 'luxon'
import DataRequest from '#models/data_request'
import type { NotificationKind } from '#models/notification'
import { CALENDAR_ZONE } from '#services/business_calendar'
import Organisation from '#models/organisation'
import { recordAudit, SYSTEM_ACTOR } from '#services/audit/audit_log'
import { membersOf, recipientsOf } from '#services/notifications/recipients'
import { sendNotifications } from '#services/notifications/notifier'
import { recordAction } from '#services/requests/request_actions'
import type { TimeoutConfig } from '#services/requests/node_config'
import type { WorkflowPort } from '#workflow/port'
import type { WorkflowTask } from '#workflow/types'

/** What a firing did, stored in `task_timeout_firings.details`. */
export interface FiringOutcome {
  status: 'done' | 'skipped'
  details: Record<string, unknown>
}

function step(task: WorkflowTask) {
  return `${task.name ?? task.activityId}（${task.businessKey}）`
}

/** Audits what the clock did to a task, as the system (SECURITY.md 16). */
export async function auditTimeout(
  action: string,
  task: WorkflowTask,
  details: Record<string, unknown>
) {
  await recordAudit(SYSTEM_ACTOR, {
    action,
    result: 'success',
    objectType: 'workflow_task',
    objectId: task.id,
    details: {
      businessKey: task.businessKey,
      activityId: task.activityId,
      ...details,
      trigger: 'timeout',
    },
  })
}

/** Tells everyone who may act on the task; `key` makes it once per recipient. */
async function tellActors(
  task: WorkflowTask,
  message: { kind: NotificationKind; key: string; title: string; data: Record<string, unknown> }
): Promise<FiringOutcome> {
  const recipients = await recipientsOf(task)
  await sendNotifications(
    recipients.map((userId) => ({
      userId,
      kind: message.kind,
      key: `timeout:${task.id}:${message.key}:${userId}`,
      title: message.title,
      objectType: 'workflow_task',
      objectId: task.id,
      data: { requestCode: task.businessKey, activityId: task.activityId, ...message.data },
    }))
  )
  return { status: recipients.length ? 'done' : 'skipped', details: { recipients } }
}

/**
 * 催办 by the clock, once per reminder number; it also goes on the request's timeline, last, so
 * a retried firing (notifications are keyed per recipient) records it once.
 */
export async function remind(task: WorkflowTask, seq: number, of: number) {
  const outcome = await tellActors(task, {
    kind: 'task_reminder',
    key: `remind:${seq}`,
    title: `待办已超期，请尽快处理（第 ${seq}/${of} 次提醒）：${step(task)} / Overdue task, reminder ${seq} of ${of}: ${task.name ?? task.activityId} (${task.businessKey})`,
    data: { reminder: seq },
  })
  if (outcome.status === 'done')
    await recordAction(task.businessKey, task.processKey, {
      action: 'remind',
      actorId: null,
      task,
      targets: outcome.details.recipients as number[],
      data: { reminder: seq, of },
    })
  return outcome
}

/** 即将到期: before the due time, at the follow-up date or `remindBeforeHours` ahead. */
export function remindDueSoon(task: WorkflowTask, dueMs: number) {
  const due = DateTime.fromMillis(dueMs, { zone: CALENDAR_ZONE }).toFormat('yyyy-MM-dd HH:mm')
  return tellActors(task, {
    kind: 'task_due_soon',
    key: 'due_soon',
    title: `待办即将到期（${due} 前）：${step(task)} / Task due by ${due} (Beijing time): ${task.name ?? task.activityId} (${task.businessKey})`,
    data: { dueAt: DateTime.fromMillis(dueMs, { zone: 'utc' }).toISO() },
  })
}

/*
 * The node's escalation group, else the heads of the organisations the task is offered to
 * (`org:<code>:<role>` → `org:<code>:head`), else the applicant's department head.
 */
export async function escalationGroups(task: WorkflowTask, config: TimeoutConfig) {
  if (config.escalationGroup) return [config.escalationGroup]
  const heads = new Set<string>()
  for (const group of task.candidateGroups) {
    const [kind, code, role] = group.split(':')
    if (kind === 'org' && code && role && role !== 'head') heads.add(`org:${code}:head`)
  }
  if (heads.size) return [...heads]
  const request = await DataRequest.findBy('code', task.businessKey)
  const organisation = request ? await Organisation.find(request.applicantOrgId) : null
  return organisation ? [`org:${organisation.code}:head`] : []
}

/** Offers the task to the escalation group as well, tells its members, and records both. */
export async function escalate(
  port: WorkflowPort,
  task: WorkflowTask,
  config: TimeoutConfig
): Promise<FiringOutcome> {
  const wanted = await escalationGroups(task, config)
  const groups = wanted.filter((group) => !task.candidateGroups.includes(group))
  const members = new Set<number>()
  for (const group of groups) for (const id of await membersOf(group)) members.add(id)
  if (!groups.length || !members.size) {
    return { status: 'skipped', details: { reason: 'no_escalation_target', groups } }
  }
  await port.addCandidates(task.id, { groups, reason: 'timeout_escalation' }, 'system')
  const recipients = [...members].sort((a, b) => a - b)
  await sendNotifications(
    recipients.map((userId) => ({
      userId,
      kind: 'task_escalated' as const,
      key: `timeout:${task.id}:escalate:${userId}`,
      title: `超期待办已上报给您：${step(task)} / Overdue task escalated to you: ${task.name ?? task.activityId} (${task.businessKey})`,
      objectType: 'workflow_task',
      objectId: task.id,
      data: { requestCode: task.businessKey, activityId: task.activityId, groups },
    }))
  )
  await auditTimeout('task.escalate', task, { groups })
  return { status: 'done', details: { groups, recipients } }
}
