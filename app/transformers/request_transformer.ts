import type DataRequest from '#models/data_request'
import type { HistoryEvent, WorkflowTask } from '#workflow/types'
import type { ActionRow } from '#services/requests/request_actions'

export function transformRequest(request: DataRequest) {
  return {
    code: request.code,
    status: request.status,
    applicantId: request.applicantId,
    applicantOrgId: request.applicantOrgId,
    datasets: request.datasetCodes,
    approvedDatasets: request.approvedCodes,
    form: request.form,
    outcomeReason: request.outcomeReason,
    previousGrantId: request.previousGrantId,
    version: request.version,
    submittedAt: request.submittedAt.toISO(),
    decidedAt: request.decidedAt?.toISO() ?? null,
  }
}

export function transformTask(task: WorkflowTask) {
  return {
    id: task.id,
    requestCode: task.businessKey,
    processKey: task.processKey,
    activityId: task.activityId,
    name: task.name,
    formKey: task.formKey,
    assignee: task.assignee,
    owner: task.owner,
    delegationState: task.delegationState,
    candidateGroups: task.candidateGroups,
    version: task.version,
    dueAt: task.dueAt,
    createdAt: task.createdAt,
    scope: task.localVariables,
  }
}

/** The timeline shows people's steps, not engine internals. */
const TIMELINE_TYPES = new Set([
  'task_created',
  'task_completed',
  'task_cancelled',
  // Timeout escalation (app/services/requests/timeout_actions.ts) offers the task to the head.
  'task_candidates_added',
  'token_moved',
  'instance_completed',
  'instance_cancelled',
])

/** The people's operations already appear as engine events; only the rest join the timeline. */
const ENGINE_VISIBLE = new Set(['approve', 'reject', 'return'])

/**
 * The engine's steps and our reviewer operations (转办, 委派, 加签, 抄送, 催办…) in time order.
 * Actions carry `actorId` (a user id) and `targets`; engine events carry `actor` as the engine saw it.
 */
export function transformTimeline(events: HistoryEvent[], actions: ActionRow[] = []) {
  const engine = engineTimeline(events)
  const people = actions
    .filter((a) => !ENGINE_VISIBLE.has(a.action) || a.data?.held)
    .map((a) => ({
      type: `action_${a.action}`,
      activityId: a.activityId,
      actor: a.actorId === null ? null : String(a.actorId),
      targets: a.targets,
      opinion: a.opinion,
      decision: null,
      occurredAt: a.occurredAt,
    }))
  return [...engine, ...people].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
}

function engineTimeline(events: HistoryEvent[]) {
  return events
    .filter((e) => TIMELINE_TYPES.has(e.type))
    .map((e) => {
      const data = (e.data ?? {}) as { variables?: Record<string, unknown> }
      return {
        type: e.type,
        activityId: e.activityId,
        actor: e.actor,
        opinion: typeof data.variables?.opinion === 'string' ? data.variables.opinion : null,
        targets: [] as number[],
        decision:
          data.variables?.decision ??
          (typeof data.variables?.approved === 'boolean'
            ? data.variables.approved
              ? 'approve'
              : 'reject'
            : null),
        occurredAt: e.occurredAt,
      }
    })
}
