import { randomUUID } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import clock from '#services/clock'
import { evaluate, ExpressionError } from '#workflow/expression'
import { isExpressionText, splitCandidates, type ActivityInfo } from '#workflow/bpmn/model'
import type { InstanceRuntime, WaitingUserTask } from '#workflow/embedded/runtime'
import { InstanceChangedException, WorkflowStepException } from '#workflow/port'
import type { Variables } from '#workflow/types'

type Trx = TransactionClientContract

export async function recordHistory(
  trx: Trx,
  instanceId: string,
  type: string,
  fields: {
    activityId?: string | null
    taskId?: string | null
    actor?: string | null
    data?: unknown
  } = {}
) {
  await trx.table('workflow_history').insert({
    instance_id: instanceId,
    type,
    activity_id: fields.activityId ?? null,
    task_id: fields.taskId ?? null,
    actor: fields.actor ?? null,
    data: fields.data === undefined ? null : JSON.stringify(fields.data),
    occurred_at: clock.nowMs(),
  })
}

/*
 * Makes the rows match what the engine waits on, then stores its state, in the caller's
 * transaction: a wait state never exists without its row, nor a row without its state.
 */
export async function persistRuntime(trx: Trx, instanceId: string, runtime: InstanceRuntime) {
  await syncUserTasks(trx, instanceId, runtime)
  await syncRows(
    trx,
    'workflow_external_tasks',
    instanceId,
    new Map([...runtime.services].map(([k, s]) => [k, s.activityId])),
    'pending',
    (executionId, activityId) => ({
      topic: runtime.model.activities.get(activityId)?.topic ?? '',
      status: 'pending',
      created_at: clock.nowMs(),
      execution_id: executionId,
    })
  )
  const timers = new Map(runtime.timers.list().map((t) => [t.executionId, t]))
  await syncRows(
    trx,
    'workflow_timers',
    instanceId,
    new Map([...timers].map(([k, t]) => [k, t.activityId])),
    'waiting',
    (executionId) => ({
      status: 'waiting',
      due_at: timerDue(runtime, timers.get(executionId)!),
      execution_id: executionId,
    })
  )
  const ended = runtime.ended
  const updated = await trx
    .from('workflow_instances')
    .where('id', instanceId)
    .where('state_version', runtime.stateVersion)
    .update({
      state: ended ? null : await runtime.state(),
      variables: JSON.stringify(runtime.variables),
      state_version: runtime.stateVersion + 1,
      ...(ended ? { status: 'completed', ended_at: clock.nowMs() } : {}),
    })
  if (Number(Array.isArray(updated) ? updated[0] : updated) !== 1) {
    throw new InstanceChangedException(instanceId)
  }
  runtime.stateVersion += 1
  if (ended) await recordHistory(trx, instanceId, 'instance_completed')
}

async function syncRows(
  trx: Trx,
  table: 'workflow_external_tasks' | 'workflow_timers',
  instanceId: string,
  live: Map<string, string>,
  liveStatus: string,
  create: (executionId: string, activityId: string) => Record<string, unknown>
) {
  const rows = await trx
    .from(table)
    .where('instance_id', instanceId)
    .where('status', liveStatus)
    .select('id', 'execution_id', 'activity_id')
  const known = new Set(rows.map((row) => row.execution_id))
  const gone = rows.filter((row) => !live.has(row.execution_id)).map((row) => row.id)
  if (gone.length) {
    await trx.from(table).whereIn('id', gone).update({ status: 'cancelled' })
    if (table === 'workflow_external_tasks')
      await trx
        .from('workflow_incidents')
        .whereIn('external_task_id', gone)
        .whereNull('resolved_at')
        .update({ resolved_at: clock.nowMs() })
  }
  for (const [executionId, activityId] of live) {
    if (known.has(executionId)) continue
    const existing = await trx.from(table).where('execution_id', executionId).first()
    if (existing) continue
    await trx.table(table).insert({
      id: randomUUID(),
      instance_id: instanceId,
      activity_id: activityId,
      ...create(executionId, activityId),
    })
  }
}

async function syncUserTasks(trx: Trx, instanceId: string, runtime: InstanceRuntime) {
  const rows = await trx
    .from('workflow_tasks')
    .where('instance_id', instanceId)
    .where('status', 'open')
    .select('id', 'execution_id', 'activity_id')
  const known = new Set(rows.map((row) => row.execution_id))
  for (const row of rows) {
    if (runtime.userTasks.has(row.execution_id)) continue
    await trx
      .from('workflow_tasks')
      .where('id', row.id)
      .update({ status: 'cancelled', ended_at: clock.nowMs() })
    await recordHistory(trx, instanceId, 'task_cancelled', {
      activityId: row.activity_id,
      taskId: row.id,
    })
  }
  for (const waiting of runtime.userTasks.values()) {
    if (known.has(waiting.executionId)) continue
    if (await trx.from('workflow_tasks').where('execution_id', waiting.executionId).first())
      continue
    await createTask(trx, instanceId, runtime, waiting)
  }
}

async function createTask(
  trx: Trx,
  instanceId: string,
  runtime: InstanceRuntime,
  waiting: WaitingUserTask
) {
  const info = runtime.model.activities.get(waiting.activityId)!
  const scope = { ...runtime.variables, ...waiting.localVariables }
  const id = randomUUID()
  let assignment: ReturnType<typeof resolveAssignment>
  let dueAt: number | null
  let followUpAt: number | null
  try {
    assignment = resolveAssignment(info, scope)
    dueAt = resolveInstant(info.dueDate, scope)
    followUpAt = resolveInstant(info.followUpDate, scope)
  } catch (error) {
    if (error instanceof ExpressionError)
      throw new WorkflowStepException(`${info.id}: ${error.message}`, { cause: error })
    throw error
  }
  await trx.table('workflow_tasks').insert({
    id,
    instance_id: instanceId,
    execution_id: waiting.executionId,
    activity_id: info.id,
    name: info.name,
    form_key: info.formKey,
    assignee: assignment.assignee,
    status: 'open',
    version: 1,
    local_variables: JSON.stringify(waiting.localVariables),
    due_at: dueAt,
    follow_up_at: followUpAt,
    created_at: clock.nowMs(),
  })
  const candidates = [
    ...assignment.users.map((value) => ({ task_id: id, kind: 'user', value })),
    ...assignment.groups.map((value) => ({ task_id: id, kind: 'group', value })),
  ]
  if (candidates.length) await trx.table('workflow_task_candidates').multiInsert(candidates)
  await recordHistory(trx, instanceId, 'task_created', {
    activityId: info.id,
    taskId: id,
    data: assignment,
  })
}

export function resolveAssignment(info: ActivityInfo, scope: Variables) {
  const assignee = info.assignee ? (resolveList(info.assignee, scope)[0] ?? null) : null
  return {
    assignee,
    users: unique(
      splitCandidates(info.candidateUsers).flatMap((entry) => resolveList(entry, scope))
    ),
    groups: unique(
      splitCandidates(info.candidateGroups).flatMap((entry) => resolveList(entry, scope))
    ),
  }
}

/** A candidate entry is a literal or one expression yielding a string or a list of strings. */
function resolveList(entry: string, scope: Variables): string[] {
  if (!isExpressionText(entry)) return [entry]
  const value = evaluate(entry, scope)
  const values = Array.isArray(value) ? value : [value]
  return values.filter((v) => v !== null && v !== undefined && v !== '').map(String)
}

function resolveInstant(text: string | null, scope: Variables): number | null {
  if (!text) return null
  const value = isExpressionText(text) ? evaluate(text, scope) : text
  if (value === null || value === undefined || value === '') return null
  const ms = new Date(value as string).getTime()
  return Number.isNaN(ms) ? null : ms
}

/** A timeDate is due at its own instant; a duration counts from now on the app clock. */
function timerDue(
  runtime: InstanceRuntime,
  timer: { activityId: string; delayMs: number }
): number {
  const definition = runtime.model.activities.get(timer.activityId)?.timer
  if (definition?.kind === 'timeDate') {
    const at = resolveInstant(definition.value, runtime.variables)
    if (at !== null) return at
  }
  return clock.nowMs() + Math.max(0, timer.delayMs)
}

function unique(values: string[]) {
  return [...new Set(values)]
}
