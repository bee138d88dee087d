import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock'
import { currentCalendar } from '#services/calendar/calendar_overrides'
import { nodeConfig } from '#services/requests/node_config'
import { sqlNow } from '#services/notifications/notifier'
import type { WorkflowTask } from '#workflow/types'

export interface TaskDeadline {
  dueAt: string | null
  overdue: boolean
}

/*
 * A review task whose node sets `deadlineWorkingDays` is due at the end (Asia/Shanghai) of that
 * many working days after its creation. The instant is stored on first sight (insert-ignore on the
 * task id, so concurrent readers agree); tasks without the setting keep the engine's dueDate.
 */
export async function deadlinesOf(tasks: WorkflowTask[]): Promise<Map<string, TaskDeadline>> {
  const result = new Map<string, TaskDeadline>()
  if (!tasks.length) return result
  const stored = new Map<string, number>()
  const rows = await db
    .from('task_deadlines')
    .whereIn(
      'task_id',
      tasks.map((t) => t.id)
    )
    .select('task_id', 'due_at_ms')
  for (const row of rows) stored.set(row.task_id, Number(row.due_at_ms))

  const fresh = []
  let calendar
  for (const task of tasks) {
    if (stored.has(task.id)) continue
    const { deadlineWorkingDays: days } = await nodeConfig(task.processKey, task.activityId)
    if (days === null) continue
    calendar ??= await currentCalendar()
    const dueMs = calendar.addWorkingDays(DateTime.fromISO(task.createdAt), days).toMillis()
    stored.set(task.id, dueMs)
    fresh.push({
      task_id: task.id,
      instance_id: task.instanceId,
      activity_id: task.activityId,
      working_days: days,
      due_at_ms: dueMs,
      created_at: sqlNow(),
    })
  }
  if (fresh.length) await db.table('task_deadlines').insert(fresh).onConflict('task_id').ignore()

  const now = clock.nowMs()
  for (const task of tasks) {
    const dueMs =
      stored.get(task.id) ?? (task.dueAt ? DateTime.fromISO(task.dueAt).toMillis() : null)
    result.set(task.id, {
      dueAt: dueMs === null ? null : DateTime.fromMillis(dueMs, { zone: 'utc' }).toISO(),
      overdue: dueMs !== null && task.status === 'open' && now > dueMs,
    })
  }
  return result
}
