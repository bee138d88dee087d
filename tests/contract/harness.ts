import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import clock from '#services/clock'
import { createWorker, createWorkflowEngine, deployShippedProcesses } from '#workflow/engine'
import { EmbeddedWorkflowEngine } from '#workflow/embedded/embedded_engine'
import { OperatonWorkflowEngine } from '#workflow/operaton/operaton_engine'
import type { WorkflowPort } from '#workflow/port'
import type { ExternalWorker } from '#workflow/tasks/external_worker'
import type { Variables, WorkflowTask } from '#workflow/types'

/*
 * What a contract scenario may touch: the port, a worker that runs the registered topics, and
 * three engine-specific hooks (let time pass, run due work, kill and restart the engine).
 */
export interface Harness {
  port: WorkflowPort
  worker: ExternalWorker
  /** Fires due timers and runs fetchable external tasks until nothing is left. */
  settle(): Promise<void>
  /** Drops everything the engine holds in memory, as if the process was killed, and recovers from the DB. */
  restart(): Promise<void>
}

export async function createHarness(): Promise<Harness> {
  const harness: Harness = {
    port: createWorkflowEngine(),
    worker: undefined as unknown as ExternalWorker,
    async settle() {
      let idleWithDueJobs = 0
      for (let round = 0; round < 50; round++) {
        const fired = await harness.port.fireDueTimers()
        const handled = await harness.worker.drain()
        if (fired > 0 || handled > 0) idleWithDueJobs = 0
        else if (!(await jobsPending(harness.port))) return
        else if (++idleWithDueJobs === 2)
          throw new Error('Operaton kept due jobs for 30 s: is its job executor running?')
      }
      throw new Error('the processes did not settle in 50 rounds')
    },
    async restart() {
      harness.port = createWorkflowEngine()
      harness.worker = createWorker(harness.port, `worker-${randomUUID()}`)
      if (harness.port instanceof EmbeddedWorkflowEngine) await harness.port.recoverAll()
    },
  }
  harness.worker = createWorker(harness.port, `worker-${randomUUID()}`)
  await deployShippedProcesses(harness.port)
  return harness
}

/* A job that fell due while this round drained (the wait is in fireDueTimers) means another round. */
async function jobsPending(port: WorkflowPort) {
  return port instanceof OperatonWorkflowEngine && (await port.dueJobs()) > 0
}

export const newKey = (prefix = 'REQ') => `${prefix}-${randomUUID()}`

type Dataset = {
  code: string
  sharingAttribute: string
  grade: string
  ownerOrg: string
  secret?: boolean
  unpublished?: boolean
  legalBasis?: string
}

export function dataset(code: string, overrides: Partial<Dataset> = {}): Dataset {
  return {
    code,
    sharingAttribute: 'conditional',
    grade: 'general',
    ownerOrg: 'OWN-A',
    ...overrides,
  }
}

/** The variables the submit step hands the data-request process. */
export function requestVariables(datasets: Dataset[], overrides: Variables = {}): Variables {
  return {
    applicant: 'u-applicant',
    applicantOrg: 'APP-ORG',
    applicantInternal: true,
    datasets,
    validUntil: DateTime.fromMillis(clock.nowMs()).plus({ days: 30 }).toUTC().toISO(),
    ...overrides,
  }
}

export async function openTasks(
  port: WorkflowPort,
  businessKey: string,
  activityId?: string
): Promise<WorkflowTask[]> {
  return port.queryTasks({ businessKey, activityId, status: 'open' })
}

/** Completes the one open task at `activityId` (fails the scenario if there is not exactly one). */
export async function completeOnly(
  port: WorkflowPort,
  businessKey: string,
  activityId: string,
  variables: Variables,
  actor = 'tester'
) {
  const tasks = await openTasks(port, businessKey, activityId)
  if (tasks.length !== 1)
    throw new Error(`expected one open ${activityId} task, found ${tasks.length}`)
  await port.complete(tasks[0].id, variables, tasks[0].version, actor)
  return tasks[0]
}

export async function historyTypes(port: WorkflowPort, instanceId: string) {
  return (await port.history(instanceId)).map(
    (event) => `${event.type}${event.activityId ? ':' + event.activityId : ''}`
  )
}

/** A data request of one conditional dataset from an internal applicant, waiting at its dept review. */
export async function atDeptReview(h: Harness) {
  const key = newKey()
  const { instance } = await h.port.startByKey(
    'data_request',
    key,
    requestVariables([dataset('DS-1')])
  )
  await h.settle()
  const [task] = await openTasks(h.port, key, 'dept_review')
  return { key, instance, task }
}
