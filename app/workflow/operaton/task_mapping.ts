import { isoDate, type OperatonHttp } from '#workflow/operaton/http_client'
import { reassignmentCounts } from '#workflow/operaton/timeline'
import { fromTypedVariables } from '#workflow/operaton/variables'
import type { Variables, WorkflowTask } from '#workflow/types'

// Camunda's own multi-instance bookkeeping; the embedded adapter shows only the element variable.
const ENGINE_LOCALS = new Set([
  'loopCounter',
  'nrOfInstances',
  'nrOfActiveInstances',
  'nrOfCompletedInstances',
])

const DELEGATION: Record<string, WorkflowTask['delegationState']> = {
  PENDING: 'pending',
  RESOLVED: 'resolved',
}

/** Business and process key per instance id (task DTOs carry neither). */
async function instanceKeys(rest: OperatonHttp, instanceIds: string[]) {
  const keys = new Map<string, { businessKey: string; processKey: string }>()
  const unique = [...new Set(instanceIds)]
  if (!unique.length) return keys
  const rows = await rest.post<any[]>('/history/process-instance', { processInstanceIds: unique })
  for (const row of rows)
    keys.set(row.id, { businessKey: row.businessKey, processKey: row.processDefinitionKey })
  return keys
}

async function candidates(rest: OperatonHttp, taskId: string) {
  const links = await rest.get<any[]>(`/task/${taskId}/identity-links`, { type: 'candidate' })
  return {
    users: links.filter((l) => l.userId).map((l) => String(l.userId)),
    groups: links.filter((l) => l.groupId).map((l) => String(l.groupId)),
  }
}

async function executionLocals(rest: OperatonHttp, executionId: string): Promise<Variables> {
  const typed = await rest.get(`/execution/${executionId}/localVariables`, {
    deserializeValues: false,
  })
  const locals = fromTypedVariables(typed)
  for (const name of ENGINE_LOCALS) delete locals[name]
  return locals
}

/** Open tasks (runtime DTOs) → port tasks, with candidates, iteration variables and versions. */
export async function toOpenTasks(rest: OperatonHttp, dtos: any[]): Promise<WorkflowTask[]> {
  const keys = await instanceKeys(
    rest,
    dtos.map((t) => t.processInstanceId)
  )
  const versions = await reassignmentCounts(dtos.map((t) => t.id))
  return Promise.all(
    dtos.map(async (t) => {
      const [links, locals] = await Promise.all([
        candidates(rest, t.id),
        executionLocals(rest, t.executionId),
      ])
      return {
        id: t.id,
        instanceId: t.processInstanceId,
        businessKey: keys.get(t.processInstanceId)?.businessKey ?? '',
        processKey: keys.get(t.processInstanceId)?.processKey ?? '',
        activityId: t.taskDefinitionKey,
        name: t.name ?? null,
        formKey: t.formKey ?? null,
        assignee: t.assignee ?? null,
        owner: t.owner ?? null,
        delegationState: DELEGATION[t.delegationState] ?? null,
        candidateUsers: links.users,
        candidateGroups: links.groups,
        status: 'open' as const,
        version: 1 + (versions.get(t.id) ?? 0),
        localVariables: locals,
        dueAt: isoDate(t.due),
        followUpAt: isoDate(t.followUp),
        createdAt: isoDate(t.created)!,
      }
    })
  )
}

/*
 * Ended tasks from the history API. At level `audit` it keeps no identity links or iteration
 * variables, so those come back empty.
 */
export async function toClosedTasks(rest: OperatonHttp, dtos: any[]): Promise<WorkflowTask[]> {
  const keys = await instanceKeys(
    rest,
    dtos.map((t) => t.processInstanceId)
  )
  const versions = await reassignmentCounts(dtos.map((t) => t.id))
  return dtos.map((t) => {
    const completed = t.deleteReason === 'completed'
    return {
      id: t.id,
      instanceId: t.processInstanceId,
      businessKey: keys.get(t.processInstanceId)?.businessKey ?? '',
      processKey: t.processDefinitionKey ?? keys.get(t.processInstanceId)?.processKey ?? '',
      activityId: t.taskDefinitionKey,
      name: t.name ?? null,
      formKey: null,
      assignee: t.assignee ?? null,
      owner: t.owner ?? null,
      delegationState: null,
      candidateUsers: [],
      candidateGroups: [],
      status: completed ? ('completed' as const) : ('cancelled' as const),
      version: 1 + (versions.get(t.id) ?? 0) + (completed ? 1 : 0),
      localVariables: {},
      dueAt: isoDate(t.due),
      followUpAt: isoDate(t.followUp),
      createdAt: isoDate(t.startTime)!,
    }
  })
}
