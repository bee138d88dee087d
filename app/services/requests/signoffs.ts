import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import clock from '#services/clock'
import DataRequest from '#models/data_request'
import workflowRuntime from '#services/workflow_runtime'
import { syncRequest } from '#services/requests/request_sync'
import QualityCase from '#models/quality_case'
import { syncQualityCase } from '#services/quality/case_sync'
import type { WorkflowPort } from '#workflow/port'
import type { Variables, WorkflowTask } from '#workflow/types'

/*
 * 加签 bookkeeping. Before-approvers ("before me") are pending at once and block the owner;
 * after-approvers wait until the owner approves, whose decision is then held until they sign.
 */
export type SignoffPosition = 'before' | 'after'
export type SignoffStatus = 'waiting' | 'pending' | 'approved' | 'rejected' | 'removed'

export interface Signoff {
  id: number
  taskId: string
  businessKey: string
  processKey: string
  activityId: string
  taskName: string | null
  userId: number
  position: SignoffPosition
  status: SignoffStatus
  addedBy: number
  opinion: string | null
  version: number
  createdAt: string
  decidedAt: string | null
}

export function toSignoff(row: any): Signoff {
  return {
    id: Number(row.id),
    taskId: row.task_id,
    businessKey: row.business_key,
    processKey: row.process_key,
    activityId: row.activity_id,
    taskName: row.task_name,
    userId: Number(row.user_id),
    position: row.position,
    status: row.status,
    addedBy: Number(row.added_by),
    opinion: row.opinion,
    version: Number(row.version),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    decidedAt: row.decided_at ? new Date(Number(row.decided_at)).toISOString() : null,
  }
}

export async function signoffsOf(taskId: string) {
  const rows = await db.from('task_signoffs').where('task_id', taskId).orderBy('id')
  return rows.map(toSignoff)
}

export async function insertSignoffs(
  task: WorkflowTask,
  userIds: number[],
  position: SignoffPosition,
  addedBy: number,
  trx: TransactionClientContract
) {
  const now = clock.nowMs()
  await trx.table('task_signoffs').insert(
    userIds.map((userId) => ({
      task_id: task.id,
      business_key: task.businessKey,
      process_key: task.processKey,
      activity_id: task.activityId,
      task_name: task.name,
      user_id: userId,
      position,
      status: position === 'before' ? 'pending' : 'waiting',
      added_by: addedBy,
      version: 1,
      created_at: now,
    }))
  )
}

export async function hasWaitingAfter(taskId: string) {
  const row = await db
    .from('task_signoffs')
    .where({ task_id: taskId, position: 'after', status: 'waiting' })
    .first()
  return Boolean(row)
}

/** The owner approved: keep the decision and call in the after-approvers. Returns who to tell. */
export async function holdDecision(task: WorkflowTask, userId: number, variables: Variables) {
  return db.transaction(async (trx) => {
    await trx.table('held_decisions').insert({
      task_id: task.id,
      user_id: userId,
      variables: JSON.stringify(variables),
      created_at: clock.nowMs(),
    })
    const waiting = await trx
      .from('task_signoffs')
      .where({ task_id: task.id, position: 'after', status: 'waiting' })
      .select('user_id')
    await trx
      .from('task_signoffs')
      .where({ task_id: task.id, position: 'after', status: 'waiting' })
      .update({ status: 'pending' })
    return waiting.map((row: { user_id: number }) => Number(row.user_id))
  })
}

/** A reject or return by the owner makes after-approvers moot. */
export async function dropAfterSignoffs(taskId: string) {
  await db
    .from('task_signoffs')
    .where({ task_id: taskId, position: 'after' })
    .whereIn('status', ['waiting', 'pending'])
    .update({ status: 'removed', decided_at: clock.nowMs() })
}

/**
 * Completes the engine task with the held decision once no after-approver is pending, or at once
 * with `override` (an after-approver rejected). Returns whether the task was completed.
 */
export async function releaseHeld(
  port: WorkflowPort,
  taskId: string,
  override?: { variables: Variables; actorId: number }
) {
  const held = await db.from('held_decisions').where('task_id', taskId).first()
  if (!held) return false
  if (!override) {
    const pending = await db
      .from('task_signoffs')
      .where({ task_id: taskId, position: 'after', status: 'pending' })
      .first()
    if (pending) return false
  }
  const task = await port.getTask(taskId)
  const variables = override?.variables ?? JSON.parse(held.variables)
  const actorId = override?.actorId ?? Number(held.user_id)
  await port.complete(task.id, variables, task.version, String(actorId))
  await db.from('held_decisions').where('task_id', taskId).delete()
  if (override) await dropAfterSignoffs(taskId)
  await finishStep(port, task.businessKey)
  return true
}

/** After any decision: run what the engine can do now and bring the request or case row up to date. */
export async function finishStep(port: WorkflowPort, businessKey: string) {
  await workflowRuntime.settle()
  const request = await DataRequest.findBy('code', businessKey)
  if (request) await syncRequest(port, request)
  const qc = request ? null : await QualityCase.findBy('code', businessKey)
  if (qc) await syncQualityCase(port, qc)
}
