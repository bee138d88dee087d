/** Engine-neutral shapes that cross the workflow port. Times are ISO-8601 UTC strings. */

export type Variables = Record<string, unknown>

export interface DeployedDefinition {
  id: string
  key: string
  name: string
  version: number
  /** False when identical XML was already the latest version and nothing was deployed. */
  created: boolean
}

export interface DefinitionSummary {
  id: string
  key: string
  name: string
  version: number
  deployedAt: string
  runningInstances: number
}

export type InstanceStatus = 'running' | 'completed' | 'cancelled'

export interface ProcessInstance {
  id: string
  definitionId: string
  processKey: string
  version: number
  businessKey: string
  status: InstanceStatus
  variables: Variables
  startedAt: string
  endedAt: string | null
}

export interface StartResult {
  instance: ProcessInstance
  /** False when an instance with this business key already existed. */
  created: boolean
}

export type TaskStatus = 'open' | 'completed' | 'cancelled'

export interface WorkflowTask {
  id: string
  instanceId: string
  businessKey: string
  processKey: string
  activityId: string
  name: string | null
  formKey: string | null
  assignee: string | null
  /** Set while delegated (委派): the user the task returns to on resolve. */
  owner: string | null
  delegationState: 'pending' | 'resolved' | null
  candidateUsers: string[]
  candidateGroups: string[]
  status: TaskStatus
  /** Optimistic-concurrency token: pass it back to complete(). */
  version: number
  /** Variables local to a multi-instance iteration (its element variable). */
  localVariables: Variables
  dueAt: string | null
  followUpAt: string | null
  createdAt: string
}

export interface TaskQuery {
  instanceId?: string
  businessKey?: string
  processKey?: string
  activityId?: string
  /** Tasks assigned to this user, or unassigned with the user or one of `groups` as candidate. */
  userId?: string
  groups?: string[]
  status?: TaskStatus
}

export interface TaskCandidates {
  users?: string[]
  groups?: string[]
  /** Why, for the timeline (e.g. `timeout_escalation`). */
  reason?: string
}

export interface HistoryEvent {
  id: number
  instanceId: string
  type: string
  activityId: string | null
  taskId: string | null
  actor: string | null
  data: Variables | null
  occurredAt: string
}

export interface LockedExternalTask {
  id: string
  topic: string
  workerId: string
  instanceId: string
  businessKey: string
  processKey: string
  activityId: string
  variables: Variables
  /** Null until the first failure, then the retries left (Camunda semantics). */
  retries: number | null
  lockExpiresAt: string
}

export interface Incident {
  id: string
  instanceId: string
  externalTaskId: string
  activityId: string
  message: string | null
  createdAt: string
}

export interface TimerJob {
  id: string
  instanceId: string
  activityId: string
  dueAt: string
}

/** What a topic handler returns: complete with variables, or a business refusal as a BPMN error. */
export type TopicOutcome = { variables?: Variables } | { bpmnError: string; variables?: Variables }

export interface TopicContext {
  /** Read-only view of the instance's timeline (e.g. the owners' decisions). */
  history(): Promise<HistoryEvent[]>
  extendLock(durationMs: number): Promise<void>
  /** Starts another process, idempotent on its business key (e.g. the grant of an approved request). */
  startProcess(processKey: string, businessKey: string, variables: Variables): Promise<StartResult>
}

/** One file per topic in workflows/topics/ exports one of these (Camunda external-task style). */
export interface TopicDefinition {
  topic: string
  lockDurationMs: number
  retries: number
  /** Back-off before the next attempt, given how many attempts already failed (1, 2, …). */
  retryTimeoutMs(failedAttempts: number): number
  handler(task: LockedExternalTask, context: TopicContext): Promise<TopicOutcome>
}
