import { isoDate } from '#workflow/operaton/http_client'
import { isNotFound, mapped } from '#workflow/operaton/errors'
import { OperatonTasks } from '#workflow/operaton/task_api'
import { record } from '#workflow/operaton/timeline'
import { fromTypedVariables, toTypedVariables } from '#workflow/operaton/variables'
import { setTimeout as sleep } from 'node:timers/promises'
import clock from '#services/clock'
import { ExternalTaskLockException, type ExternalFailure } from '#workflow/port'
import type { Incident, LockedExternalTask, TimerJob, Variables } from '#workflow/types'

/** The external-task API, incidents and timer jobs. */
export class OperatonExternalTasks extends OperatonTasks {
  readonly #timerActivities = new Map<string, string>()

  async fetchAndLock(
    topic: string,
    workerId: string,
    lockDurationMs: number,
    maxTasks = 10
  ): Promise<LockedExternalTask[]> {
    const tasks = await this.rest.post<any[]>('/external-task/fetchAndLock', {
      workerId,
      maxTasks,
      usePriority: false,
      topics: [{ topicName: topic, lockDuration: lockDurationMs, deserializeValues: false }],
    })
    return tasks.map((task) => toLockedTask(task, workerId))
  }

  async completeExternal(taskId: string, workerId: string, variables: Variables = {}) {
    const task = await this.heldBy(taskId, workerId)
    await this.lockedCall(taskId, () =>
      this.rest.post(`/external-task/${taskId}/complete`, {
        workerId,
        variables: toTypedVariables(variables),
      })
    )
    await recordOutcome(task, 'external_completed', workerId, { variables })
  }

  async handleBpmnError(
    taskId: string,
    workerId: string,
    errorCode: string,
    variables: Variables = {}
  ) {
    const task = await this.heldBy(taskId, workerId)
    await this.lockedCall(taskId, () =>
      this.rest.post(`/external-task/${taskId}/bpmnError`, {
        workerId,
        errorCode,
        variables: toTypedVariables(variables),
      })
    )
    await recordOutcome(task, 'external_bpmn_error', workerId, { variables, code: errorCode })
  }

  /** Retries count down; the engine raises the incident itself at 0. */
  async handleFailure(taskId: string, workerId: string, failure: ExternalFailure) {
    const task = await this.heldBy(taskId, workerId)
    const retries = Math.max(0, failure.retries)
    await this.lockedCall(taskId, () =>
      this.rest.post(`/external-task/${taskId}/failure`, {
        workerId,
        errorMessage: failure.message.slice(0, 600),
        errorDetails: failure.message,
        retries,
        retryTimeout: failure.retryTimeoutMs,
      })
    )
    await recordFailure(task, failure.message, retries)
  }

  async extendLock(taskId: string, workerId: string, newDurationMs: number) {
    await this.heldBy(taskId, workerId)
    await this.lockedCall(taskId, () =>
      this.rest.post(`/external-task/${taskId}/extendLock`, {
        workerId,
        newDuration: newDurationMs,
      })
    )
  }

  async incidents(instanceId?: string): Promise<Incident[]> {
    const rows = await this.rest.get<any[]>('/incident', {
      processInstanceId: instanceId,
      sortBy: 'incidentTimestamp',
      sortOrder: 'asc',
    })
    return rows.map((row) => ({
      id: row.id,
      instanceId: row.processInstanceId,
      externalTaskId: row.configuration,
      activityId: row.activityId,
      message: row.incidentMessage ?? null,
      createdAt: isoDate(row.incidentTimestamp)!,
    }))
  }

  /** Setting retries again resolves the incident (failed jobs likewise through /job). */
  async retryIncident(incidentId: string, retries: number) {
    const incident = await mapped('incident', incidentId, () =>
      this.rest.get(`/incident/${incidentId}`)
    )
    const path =
      incident.incidentType === 'failedJob'
        ? `/job/${incident.configuration}/retries`
        : `/external-task/${incident.configuration}/retries`
    await mapped('incident', incidentId, () => this.rest.put(path, { retries }))
    await record({
      instanceId: incident.processInstanceId,
      type: 'incident_resolved',
      activityId: incident.activityId,
      data: { retries },
    })
  }

  async pendingTimers(instanceId?: string): Promise<TimerJob[]> {
    const jobs = await this.rest.get<any[]>('/job', {
      timers: true,
      processInstanceId: instanceId,
      sortBy: 'jobDueDate',
      sortOrder: 'asc',
    })
    return Promise.all(
      jobs.map(async (job) => ({
        id: job.id,
        instanceId: job.processInstanceId,
        activityId: await this.timerActivity(job.jobDefinitionId),
        dueAt: isoDate(job.dueDate)!,
      }))
    )
  }

  /*
   * Operaton's job executor fires timers (by the engine clock) on its own thread. Like the
   * embedded adapter, this returns only once the timers due now have fired (bounded), so the
   * external tasks they open are there for the next fetch: without the wait a caller could
   * fetch, find nothing, and stop just before the executor ran the timer.
   */
  async fireDueTimers(waitMs = 30_000): Promise<number> {
    const due = await this.rest.get<any[]>('/job', { executable: true, maxResults: 100 })
    if (!due.length) return 0
    const jobIds = due.map((job) => job.id).join(',')
    for (let waited = 0; ; waited += 100) {
      // Run = gone, or failed into a later retry or an incident (then no longer executable).
      const left = await this.rest.get('/job/count', { jobIds, executable: true })
      if (Number(left.count) === 0 || waited >= waitMs) return due.length - Number(left.count)
      await sleep(100)
    }
  }

  /** Jobs the job executor still has to run now (tests wait for 0 before asserting). */
  async dueJobs(): Promise<number> {
    // `executable` = retries left and due by the engine clock (which follows ours in tests).
    const body = await this.rest.get('/job/count', { executable: true })
    return Number(body.count)
  }

  private async timerActivity(jobDefinitionId: string) {
    let activityId = this.#timerActivities.get(jobDefinitionId)
    if (!activityId) {
      const definition = await this.rest.get(`/job-definition/${jobDefinitionId}`)
      activityId = String(definition.activityId)
      this.#timerActivities.set(jobDefinitionId, activityId)
    }
    return activityId
  }

  /*
   * The port's lock check: Camunda lets the last holder complete an expired lock nobody took
   * over; our contract (and the embedded adapter) refuse it, so the lock is checked first.
   */
  private async heldBy(taskId: string, workerId: string) {
    let task
    try {
      task = await this.rest.get(`/external-task/${taskId}`)
    } catch (error) {
      if (isNotFound(error)) throw new ExternalTaskLockException(taskId)
      throw error
    }
    const expires = task.lockExpirationTime ? Date.parse(isoDate(task.lockExpirationTime)!) : 0
    if (task.workerId !== workerId || expires <= clock.nowMs())
      throw new ExternalTaskLockException(taskId)
    return task
  }

  private async lockedCall(taskId: string, call: () => Promise<unknown>) {
    try {
      await call()
    } catch (error) {
      if (isNotFound(error) || /locked|lock/i.test((error as Error).message))
        throw new ExternalTaskLockException(taskId)
      throw error
    }
  }
}

/** A fetched task as the topic handlers see it (the same shape the embedded adapter gives them). */
export function toLockedTask(task: any, workerId: string): LockedExternalTask {
  return {
    id: task.id,
    topic: task.topicName,
    workerId,
    instanceId: task.processInstanceId,
    businessKey: task.businessKey ?? '',
    processKey: task.processDefinitionKey,
    activityId: task.activityId,
    variables: fromTypedVariables(task.variables),
    retries: task.retries ?? null,
    lockExpiresAt: isoDate(task.lockExpirationTime)!,
  }
}

/** Timeline entries for topic outcomes, shared by the port methods and the client-based worker. */
export async function recordOutcome(
  task: { processInstanceId: string; activityId: string },
  type: 'external_completed' | 'external_bpmn_error',
  workerId: string,
  data: Variables
) {
  await record({
    instanceId: task.processInstanceId,
    type,
    activityId: task.activityId,
    actor: workerId,
    data,
  })
}

export async function recordFailure(
  task: { processInstanceId: string; activityId: string },
  message: string,
  retries: number
) {
  const base = { instanceId: task.processInstanceId, activityId: task.activityId }
  await record({ ...base, type: 'external_failed', data: { message, retries } })
  if (retries === 0) await record({ ...base, type: 'incident_created', data: { message } })
}
