import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type DataRequest from '#models/data_request'
import { recipientsOf } from '#services/notifications/recipients'
import { sendNotifications, type NotificationEntry } from '#services/notifications/notifier'
import type { WorkflowPort } from '#workflow/port'

/*
 * Tells whoever may act on each open task of the instance that it is waiting for them. Tasks that
 * already produced a message are skipped with one indexed lookup, so a repeated sync stays cheap.
 * The applicant's `amend` task is the return (退回) of the request.
 */
export async function notifyOpenTasks(port: WorkflowPort, requestCode: string, instanceId: string) {
  const tasks = await port.queryTasks({ instanceId, status: 'open' })
  if (!tasks.length) return
  const done = await db
    .from('notifications')
    .where('object_type', 'workflow_task')
    .whereIn(
      'object_id',
      tasks.map((t) => t.id)
    )
    .distinct('object_id')
  const notified = new Set(done.map((row: { object_id: string }) => row.object_id))
  const entries: NotificationEntry[] = []
  for (const task of tasks.filter((t) => !notified.has(t.id))) {
    const returned = task.activityId === 'amend'
    const step = task.name ?? task.activityId
    for (const userId of await recipientsOf(task)) {
      entries.push({
        userId,
        kind: returned ? 'request_returned' : 'task_assigned',
        key: `task:${task.id}:${userId}`,
        title: returned
          ? `申请 ${requestCode} 被退回，请修改 / Request ${requestCode} was returned to you`
          : `新待办：${step}（${requestCode}）/ New task: ${step} (${requestCode})`,
        objectType: 'workflow_task',
        objectId: task.id,
        data: { requestCode, activityId: task.activityId, processKey: task.processKey },
      })
    }
  }
  await sendNotifications(entries)
}

/** Everyone who could act on the instance's open tasks (told when the request ends early). */
export async function openTaskRecipients(port: WorkflowPort, instanceId: string) {
  const tasks = await port.queryTasks({ instanceId, status: 'open' })
  const ids = new Set<number>()
  for (const task of tasks) for (const id of await recipientsOf(task)) ids.add(id)
  return [...ids]
}

const DECISION_TITLES: Record<string, [string, string]> = {
  approved: ['已通过', 'approved'],
  partially_approved: ['部分通过', 'partially approved'],
  rejected: ['未通过', 'rejected'],
}

/** The applicant learns the outcome once per request and outcome. */
export async function notifyDecision(request: DataRequest) {
  const words = DECISION_TITLES[request.status]
  if (!words) return
  await sendNotifications([
    {
      userId: request.applicantId,
      kind: 'request_decided',
      key: `request:${request.code}:${request.status}`,
      title: `申请 ${request.code} ${words[0]} / Request ${request.code} ${words[1]}`,
      body: request.outcomeReason,
      objectType: 'data_request',
      objectId: request.code,
      data: { status: request.status, approvedDatasets: request.approvedCodes },
    },
  ])
}

/** 撤回 / 取消: the reviewers who had it (and the applicant, when someone else cancelled). */
export async function notifyEnded(
  request: DataRequest,
  status: 'withdrawn' | 'cancelled',
  reviewers: number[],
  actorId: number | null,
  trx: TransactionClientContract
) {
  const recipients = new Set(reviewers)
  if (actorId !== request.applicantId) recipients.add(request.applicantId)
  recipients.delete(actorId ?? -1)
  const words = status === 'withdrawn' ? ['已撤回', 'withdrawn'] : ['已取消', 'cancelled']
  await sendNotifications(
    [...recipients].map((userId) => ({
      userId,
      kind: status === 'withdrawn' ? 'request_withdrawn' : 'request_cancelled',
      key: `request:${request.code}:${status}:${userId}`,
      title: `申请 ${request.code} ${words[0]} / Request ${request.code} ${words[1]}`,
      body: request.outcomeReason,
      objectType: 'data_request',
      objectId: request.code,
    })),
    trx
  )
}
