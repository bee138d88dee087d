import logger from '@adonisjs/core/services/logger'
import {
  BasicAuthInterceptor,
  Client,
  Variables,
  type ClientTask,
  type TaskService,
} from 'camunda-external-task-client-js'
import { Agent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import { setTimeout as sleep } from 'node:timers/promises'
import { recordFailure, recordOutcome, toLockedTask } from '#workflow/operaton/external_task_api'
import type { OperatonWorkflowEngine } from '#workflow/operaton/operaton_engine'
import { toTypedVariables } from '#workflow/operaton/variables'
import type { TopicDefinition, Variables as PortVariables } from '#workflow/types'

export interface TopicClientOptions {
  workerId: string
  /** Tasks fetched per poll (the client's maxTasks). */
  maxTasks?: number
  /** Long polling: the engine holds an empty fetch this long before answering. */
  asyncResponseTimeoutMs?: number
  /** Only tasks of instances whose variables equal these (a dedicated worker pool, a test run). */
  processVariables?: Record<string, string>
}

const typed = (variables: PortVariables | undefined) =>
  new Variables().setAllTyped(toTypedVariables(variables))

/*
 * Runs the topic handlers of workflows/registry.ts against Operaton with
 * camunda-external-task-client-js: one subscription per topic with its lock duration, the lock
 * extended while a handler runs, failures counted down with the topic's back-off.
 */
export class TopicClient {
  readonly #client: Client
  readonly #agents: [Agent, HttpsAgent]
  #stopping = false
  #polling = false

  constructor(
    private readonly port: OperatonWorkflowEngine,
    private readonly topics: readonly TopicDefinition[],
    private readonly options: TopicClientOptions
  ) {
    const asyncResponseTimeout = options.asyncResponseTimeoutMs ?? 10_000
    /*
     * got would use Node's global agent, which times a socket out after 5 s of silence even
     * while a request waits on it: every long poll the engine held longer (no task, up to
     * asyncResponseTimeout) ended in "socket hang up" (ECONNRESET) and a logged warning. This
     * agent lets a poll wait its full time; a pooled idle socket still closes after that
     * timeout, well before Tomcat drops it (keep-alive 60 s, announced in its Keep-Alive header).
     */
    const agentOptions = { keepAlive: true, timeout: asyncResponseTimeout + 5_000 }
    this.#agents = [new Agent(agentOptions), new HttpsAgent(agentOptions)]
    const useAgent = (config: Record<string, unknown>) => ({
      ...config,
      agent: { http: this.#agents[0], https: this.#agents[1] },
    })
    const auth = port.connection.user
      ? new BasicAuthInterceptor({
          username: port.connection.user,
          password: port.connection.password ?? '',
        })
      : undefined
    this.#client = new Client({
      baseUrl: port.connection.baseUrl,
      workerId: options.workerId,
      maxTasks: options.maxTasks ?? 10,
      asyncResponseTimeout,
      usePriority: false,
      autoPoll: false,
      interceptors: auth ? [useAgent, auth] : [useAgent],
    })
    this.#client.on('poll:start', () => (this.#polling = true))
    this.#client.on('poll:success', () => (this.#polling = false))
    this.#client.on('poll:error', (error) => {
      this.#polling = false
      if (!this.#stopping) logger.warn({ err: error }, 'operaton poll failed')
    })
    this.#client.on('handler:error', (error) =>
      logger.error({ err: error }, 'topic handler crashed')
    )
  }

  start() {
    for (const definition of this.topics)
      this.#client.subscribe(
        definition.topic,
        {
          lockDuration: definition.lockDurationMs,
          processVariables: this.options.processVariables,
        },
        ({ task, taskService }) => this.run(definition, task, taskService)
      )
    this.#client.start()
  }

  /*
   * Stops polling and waits (bounded) for the poll in flight and the handlers already running.
   * Cutting the poll short is not enough: the engine keeps the request open until its
   * asyncResponseTimeout and would lock tasks created meanwhile for a worker that is gone.
   */
  async stop(timeoutMs = 30_000) {
    this.#client.stop()
    const busy = () => this.#polling || this.#client.activeTasksCount > 0
    for (let waited = 0; busy() && waited < timeoutMs; waited += 100) await sleep(100)
    // Closes the pooled sockets, and with them a long poll still open, so the process can exit.
    this.#stopping = true
    for (const agent of this.#agents) agent.destroy()
  }

  private async run(definition: TopicDefinition, task: ClientTask, taskService: TaskService) {
    const raw = { ...task, variables: task.variables.getAllTyped() }
    const locked = toLockedTask(raw, this.options.workerId)
    // A handler slower than its lock would lose the task to another worker: renew at half time.
    const heartbeat = setInterval(() => {
      taskService.extendLock(task, definition.lockDurationMs).catch((error) => {
        logger.warn({ err: error, taskId: task.id }, 'extendLock failed')
      })
    }, definition.lockDurationMs / 2)
    let outcome
    try {
      outcome = await definition.handler(locked, {
        history: () => this.port.history(task.processInstanceId),
        extendLock: (ms) => taskService.extendLock(task, ms),
        startProcess: (key, businessKey, variables) =>
          this.port.startByKey(key, businessKey, variables),
      })
    } catch (error) {
      await this.fail(definition, task, taskService, error)
      return
    } finally {
      clearInterval(heartbeat)
    }
    if ('bpmnError' in outcome) {
      await taskService.handleBpmnError(
        task,
        outcome.bpmnError,
        undefined,
        typed(outcome.variables)
      )
      await recordOutcome(task, 'external_bpmn_error', this.options.workerId, {
        variables: outcome.variables ?? {},
        code: outcome.bpmnError,
      })
    } else {
      await taskService.complete(task, typed(outcome.variables))
      await recordOutcome(task, 'external_completed', this.options.workerId, {
        variables: outcome.variables ?? {},
      })
    }
  }

  /** Retries count down from the topic's setting (Camunda: null until the first failure). */
  private async fail(
    definition: TopicDefinition,
    task: ClientTask,
    taskService: TaskService,
    error: unknown
  ) {
    const message = error instanceof Error ? error.message : String(error)
    const retries = Math.max(0, (task.retries ?? definition.retries) - 1)
    await taskService.handleFailure(task, {
      errorMessage: message.slice(0, 600),
      errorDetails: error instanceof Error ? (error.stack ?? message) : message,
      retries,
      retryTimeout: definition.retryTimeoutMs(definition.retries - retries),
    })
    await recordFailure(task, message, retries)
  }
}
