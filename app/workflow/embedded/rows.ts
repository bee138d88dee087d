import type { HistoryEvent, Incident, TimerJob, Variables, WorkflowTask } from '#workflow/types'

/** Row ⇄ port shapes for the embedded adapter's tables. */
export const iso = (ms: number | string | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString()

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  return text ? (JSON.parse(text) as T) : fallback
}

export function toTask(row: any, candidates: any[]): WorkflowTask {
  const mine = candidates.filter((c) => c.task_id === row.id)
  return {
    id: row.id,
    instanceId: row.instance_id,
    businessKey: row.business_key,
    processKey: row.process_key,
    activityId: row.activity_id,
    name: row.name,
    formKey: row.form_key,
    assignee: row.assignee,
    owner: row.owner ?? null,
    delegationState: row.delegation_state ?? null,
    candidateUsers: mine.filter((c) => c.kind === 'user').map((c) => c.value),
    candidateGroups: mine.filter((c) => c.kind === 'group').map((c) => c.value),
    status: row.status,
    version: Number(row.version),
    localVariables: parseJson<Variables>(row.local_variables, {}),
    dueAt: iso(row.due_at),
    followUpAt: iso(row.follow_up_at),
    createdAt: iso(row.created_at)!,
  }
}

export function toHistory(row: any): HistoryEvent {
  return {
    id: Number(row.id),
    instanceId: row.instance_id,
    type: row.type,
    activityId: row.activity_id,
    taskId: row.task_id,
    actor: row.actor,
    data: parseJson<Variables | null>(row.data, null),
    occurredAt: iso(row.occurred_at)!,
  }
}

export function toIncident(row: any): Incident {
  return {
    id: String(row.id),
    instanceId: row.instance_id,
    externalTaskId: row.external_task_id,
    activityId: row.activity_id,
    message: row.message,
    createdAt: iso(row.created_at)!,
  }
}

export function toTimer(row: any): TimerJob {
  return {
    id: row.id,
    instanceId: row.instance_id,
    activityId: row.activity_id,
    dueAt: iso(row.due_at)!,
  }
}

/** Knex reports affected rows as a number (SQLite, MySQL) or a one-element array on some paths. */
export function affected(result: unknown): number {
  return Array.isArray(result) ? Number(result[0] ?? 0) : Number(result)
}
