import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import clock from '#services/clock'
import type { WorkflowTask } from '#workflow/types'

/** Everything people do to a request besides the engine's own steps. */
export const REQUEST_ACTIONS = [
  'approve',
  'reject',
  'return',
  'transfer',
  'delegate',
  'resolve',
  'add_signoff',
  'remove_signoff',
  'signoff_approve',
  'signoff_reject',
  'cc',
  'urge',
  'withdraw_step',
  'amend',
  'fallback',
  'submit',
  /** 超期提醒 by the clock: the system (actor null) told `targets`. */
  'remind',
] as const
export type RequestAction = (typeof REQUEST_ACTIONS)[number]

/** The actions that put a task in the actor's 已办 (done) tab. */
export const DONE_ACTIONS: RequestAction[] = [
  'approve',
  'reject',
  'return',
  'transfer',
  'delegate',
  'resolve',
  'signoff_approve',
  'signoff_reject',
  'amend',
  'submit',
]

export interface ActionEntry {
  action: RequestAction
  actorId: number | null
  task?: Pick<WorkflowTask, 'id' | 'activityId'> | null
  targets?: number[]
  opinion?: string | null
  data?: Record<string, unknown>
}

export async function recordAction(
  businessKey: string,
  processKey: string,
  entry: ActionEntry,
  trx?: TransactionClientContract
) {
  await (trx ?? db).table('request_actions').insert({
    business_key: businessKey,
    process_key: processKey,
    task_id: entry.task?.id ?? null,
    activity_id: entry.task?.activityId ?? null,
    action: entry.action,
    actor_id: entry.actorId,
    target_user_ids: entry.targets?.length ? JSON.stringify(entry.targets) : null,
    opinion: entry.opinion ?? null,
    data: entry.data ? JSON.stringify(entry.data) : null,
    created_at: clock.nowMs(),
  })
}

export interface ActionRow {
  action: RequestAction
  taskId: string | null
  activityId: string | null
  actorId: number | null
  targets: number[]
  opinion: string | null
  data: Record<string, unknown> | null
  occurredAt: string
}

export function toActionRow(row: any): ActionRow {
  return {
    action: row.action,
    taskId: row.task_id,
    activityId: row.activity_id,
    actorId: row.actor_id === null ? null : Number(row.actor_id),
    targets: row.target_user_ids ? JSON.parse(row.target_user_ids) : [],
    opinion: row.opinion,
    data: row.data ? JSON.parse(row.data) : null,
    occurredAt: new Date(Number(row.created_at)).toISOString(),
  }
}

export async function actionsOf(businessKey: string): Promise<ActionRow[]> {
  const rows = await db.from('request_actions').where('business_key', businessKey).orderBy('id')
  return rows.map(toActionRow)
}
