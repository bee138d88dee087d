import type { NotificationKind } from '#models/notification'
import { sendNotifications } from '#services/notifications/notifier'
import type { WorkflowTask } from '#workflow/types'

/*
 * Messages for the reviewer operations (转办, 委派, 加签, 抄送, 催办, 撤回). `event` makes the dedupe
 * key unique per occurrence, so a repeated operation is a new message and a retried call is not.
 */
export async function notifyTaskPeople(
  userIds: number[],
  kind: NotificationKind,
  task: Pick<WorkflowTask, 'id' | 'businessKey' | 'activityId' | 'processKey' | 'name'>,
  event: string,
  title: [zh: string, en: string],
  body: string | null = null
) {
  await sendNotifications(
    [...new Set(userIds)].map((userId) => ({
      userId,
      kind,
      key: `${kind}:${task.id}:${event}:${userId}`,
      title: `${title[0]}（${task.businessKey}）/ ${title[1]} (${task.businessKey})`,
      body,
      objectType: 'workflow_task' as const,
      objectId: task.id,
      data: {
        requestCode: task.businessKey,
        activityId: task.activityId,
        processKey: task.processKey,
      },
    }))
  )
}
