import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import clock from '#services/clock'
import type { Variables } from '#workflow/types'

export interface TimelineEntry {
  instanceId: string
  type: string
  activityId?: string | null
  taskId?: string | null
  actor?: string | null
  data?: unknown
}

/** Operations that change who holds a task: each one bumps the task's version. */
export const REASSIGNMENTS = [
  'task_claimed',
  'task_unclaimed',
  'task_assigned',
  'task_delegated',
  'task_resolved',
] as const

/** Appends to operaton_timeline (in `trx` when the engine call must succeed for the entry to stay). */
export async function record(entry: TimelineEntry, trx?: TransactionClientContract) {
  await (trx ?? db).table('operaton_timeline').insert({
    instance_id: entry.instanceId,
    type: entry.type,
    activity_id: entry.activityId ?? null,
    task_id: entry.taskId ?? null,
    actor: entry.actor ?? null,
    data: entry.data === undefined ? null : JSON.stringify(entry.data),
    occurred_at: clock.nowMs(),
  })
}

export async function recorded(instanceId: string) {
  const rows = await db.from('operaton_timeline').where('instance_id', instanceId).orderBy('id')
  return rows.map((row) => ({
    type: row.type as string,
    activityId: row.activity_id as string | null,
    taskId: row.task_id as string | null,
    actor: row.actor as string | null,
    data: row.data ? (JSON.parse(row.data) as Variables) : null,
    occurredMs: Number(row.occurred_at),
  }))
}

/** Reassignments per task id: the version a task shows is 1 + this (+ 1 once completed). */
export async function reassignmentCounts(taskIds: string[]) {
  const counts = new Map<string, number>()
  if (!taskIds.length) return counts
  const rows = await db
    .from('operaton_timeline')
    .whereIn('task_id', taskIds)
    .whereIn('type', [...REASSIGNMENTS])
    .select('task_id')
    .count('* as total')
    .groupBy('task_id')
  for (const row of rows) counts.set(row.task_id, Number(row.total))
  return counts
}
