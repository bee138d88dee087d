import type { WorkflowPort } from '#workflow/port'
import type { LockedExternalTask, TopicDefinition } from '#workflow/types'

/*
 * Runs topic handlers through the port's external-task contract only, the way
 * camunda-external-task-client-js does, so the same handlers work on either engine.
 */
export class ExternalWorker {
  constructor(
    private readonly port: WorkflowPort,
    private readonly topics: readonly TopicDefinition[],
    readonly workerId: string
  ) {}

  /** Fetches and runs one batch per topic; returns how many tasks were handled. */
  async poll(): Promise<number> {
    let handled = 0
    for (const definition of this.topics) {
      const tasks = await this.port.fetchAndLock(
        definition.topic,
        this.workerId,
        definition.lockDurationMs
      )
      for (const task of tasks) {
        await this.run(definition, task)
        handled += 1
      }
    }
    return handled
  }

  /** Polls until nothing is fetchable (tests and the benchmark drive processes this way). */
  async drain(maxRounds = 100): Promise<number> {
    let total = 0
    for (let round = 0; round < maxRounds; round++) {
      const handled = await this.poll()
      total += handled
      if (handled === 0) return total
    }
    return total
  }

  private async run(definition: TopicDefinition, task: LockedExternalTask) {
    let outcome
    try {
      outcome = await definition.handler(task, {
        history: () => this.port.history(task.instanceId),
        extendLock: (ms) => this.port.extendLock(task.id, this.workerId, ms),
        startProcess: (key, businessKey, variables) =>
          this.port.startByKey(key, businessKey, variables),
      })
    } catch (error) {
      const failedAttempts = task.retries === null ? 1 : definition.retries - task.retries + 1
      const retries = task.retries === null ? definition.retries - 1 : task.retries - 1
      await this.port.handleFailure(task.id, this.workerId, {
        message: error instanceof Error ? error.message : String(error),
        retries,
        retryTimeoutMs: definition.retryTimeoutMs(failedAttempts),
      })
      return
    }
    if ('bpmnError' in outcome) {
      await this.port.handleBpmnError(task.id, this.workerId, outcome.bpmnError, outcome.variables)
    } else {
      await this.port.completeExternal(task.id, this.workerId, outcome.variables)
    }
  }
}
