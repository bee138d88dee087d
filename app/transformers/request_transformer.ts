import type DataRequest from '#models/data_request'
import type { HistoryEvent, WorkflowTask } from '#workflow/types'

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

export function transformTimeline(events: HistoryEvent[]) {
  return events
    .filter((e) => TIMELINE_TYPES.has(e.type))
    .map((e) => {
      const data = (e.data ?? {}) as { variables?: Record<string, unknown> }
      return {
        type: e.type,
        activityId: e.activityId,
        actor: e.actor,
        opinion: typeof data.variables?.opinion === 'string' ? data.variables.opinion : null,
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
