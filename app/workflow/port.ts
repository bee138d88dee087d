import AppException from '#exceptions/app_exception'
import type {
  DefinitionSummary,
  DeployedDefinition,
  HistoryEvent,
  Incident,
  LockedExternalTask,
  ProcessInstance,
  StartResult,
  TaskCandidates,
  TaskQuery,
  TimerJob,
  Variables,
  WorkflowTask,
} from '#workflow/types'

/*
 * The one interface the application uses for processes. Adapters (embedded bpmn-engine,
 * Operaton) implement it; tests/contract holds both to the same observable behaviour.
 */
export interface WorkflowPort {
  deploy(name: string, bpmnXml: string): Promise<DeployedDefinition>
  /** Every deployed version, newest first per key, with its running instances. */
  listDefinitions(): Promise<DefinitionSummary[]>
  /** The XML of one version (route preview and per-node settings read it with bpmn/model). */
  getDefinitionXml(definitionId: string): Promise<string>
  /** Idempotent on (process key, business key): a second call returns the first instance. */
  startByKey(processKey: string, businessKey: string, variables?: Variables): Promise<StartResult>
  getInstance(instanceId: string): Promise<ProcessInstance>
  findInstance(processKey: string, businessKey: string): Promise<ProcessInstance | null>
  /** Sets process variables (an admin fixing data before retrying an incident). */
  setVariables(instanceId: string, variables: Variables, actor?: string): Promise<void>
  cancel(instanceId: string, reason: string, actor?: string): Promise<void>
  /** 退回: void the token(s) at `fromActivity` (all iterations of a multi-instance) and start `toActivity`. */
  moveToken(
    instanceId: string,
    fromActivity: string,
    toActivity: string,
    actor?: string
  ): Promise<void>

  queryTasks(query: TaskQuery): Promise<WorkflowTask[]>
  getTask(taskId: string): Promise<WorkflowTask>
  claim(taskId: string, userId: string): Promise<WorkflowTask>
  unclaim(taskId: string): Promise<WorkflowTask>
  /** 转办: the task now belongs to `userId` alone (Camunda: POST /task/{id}/assignee). */
  setAssignee(taskId: string, userId: string, actor?: string): Promise<WorkflowTask>
  /** 委派: `userId` works the task; the current assignee stays its owner until resolve(). */
  delegate(taskId: string, userId: string, actor?: string): Promise<WorkflowTask>
  /** The delegate hands the task back to its owner; `variables` become process variables (Camunda). */
  resolve(taskId: string, variables: Variables, actor?: string): Promise<WorkflowTask>
  /** Offers the open task to more users/groups (timeout escalation); Camunda: POST /task/{id}/identity-links. */
  addCandidates(taskId: string, candidates: TaskCandidates, actor?: string): Promise<WorkflowTask>
  /** Throws TaskConflictException when `expectedVersion` is stale or the task is no longer open. */
  complete(
    taskId: string,
    variables: Variables,
    expectedVersion: number,
    actor?: string
  ): Promise<void>

  history(instanceId: string): Promise<HistoryEvent[]>

  fetchAndLock(
    topic: string,
    workerId: string,
    lockDurationMs: number,
    maxTasks?: number
  ): Promise<LockedExternalTask[]>
  completeExternal(taskId: string, workerId: string, variables?: Variables): Promise<void>
  handleFailure(taskId: string, workerId: string, failure: ExternalFailure): Promise<void>
  handleBpmnError(
    taskId: string,
    workerId: string,
    errorCode: string,
    variables?: Variables
  ): Promise<void>
  extendLock(taskId: string, workerId: string, newDurationMs: number): Promise<void>

  incidents(instanceId?: string): Promise<Incident[]>
  /** Gives the failed external task `retries` again and resolves its incident. */
  retryIncident(incidentId: string, retries: number): Promise<void>

  /** Timers that have not fired yet (Operaton: its timer jobs). */
  pendingTimers(instanceId?: string): Promise<TimerJob[]>
  /** Fires timers due by the app clock; returns how many fired. On Operaton its job executor fires them and this waits until it has. */
  fireDueTimers(): Promise<number>
}

export interface ExternalFailure {
  message: string
  retries: number
  retryTimeoutMs: number
}

export class WorkflowNotFoundException extends AppException {
  constructor(
    kind: 'definition' | 'instance' | 'task' | 'external_task' | 'incident' | 'activity',
    id: string
  ) {
    super('E_WORKFLOW_NOT_FOUND', 404, { params: { kind, id } })
  }
}

/** A second decision on a task that changed meanwhile: the API answers 409. */
export class TaskConflictException extends AppException {
  constructor(taskId: string) {
    super('E_TASK_CONFLICT', 409, { params: { id: taskId } })
  }
}

/** The external task's lock belongs to another worker or has expired. */
export class ExternalTaskLockException extends AppException {
  constructor(taskId: string) {
    super('E_EXTERNAL_TASK_LOCK', 409, { params: { id: taskId } })
  }
}

/** Another node stepped the instance between our read and our write; the step is rolled back. */
export class InstanceChangedException extends AppException {
  constructor(instanceId: string) {
    super('E_INSTANCE_CHANGED', 409, { params: { id: instanceId } })
  }
}

/** The engine could not continue (e.g. a condition names a variable the form did not provide). */
export class WorkflowStepException extends AppException {
  constructor(reason: string, options: { cause?: unknown } = {}) {
    super('E_WORKFLOW_STEP_FAILED', 422, { params: { reason }, message: reason })
    if (options.cause !== undefined) this.cause = options.cause
  }
}

/** The engine did not answer (Operaton down or restarting): callers such as the outbox retry later. */
export class WorkflowEngineUnavailableException extends AppException {
  constructor(reason: string, options: { cause?: unknown } = {}) {
    super('E_WORKFLOW_ENGINE_UNAVAILABLE', 503, { params: { reason }, message: reason })
    if (options.cause !== undefined) this.cause = options.cause
  }
}

export class InstanceNotRunningException extends AppException {
  constructor(instanceId: string) {
    super('E_INSTANCE_NOT_RUNNING', 409, { params: { id: instanceId } })
  }
}

/** The BPMN failed to parse or lint; `details` lists every problem. */
export class InvalidDefinitionException extends AppException {
  constructor(problems: { element: string; message: string }[]) {
    super('E_INVALID_DEFINITION', 422, { details: problems, params: { count: problems.length } })
  }
}
