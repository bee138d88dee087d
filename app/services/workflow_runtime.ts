import { randomUUID } from 'node:crypto'
import { AsyncLocalStorage } from 'node:async_hooks'
import logger from '@adonisjs/core/services/logger'
import env from '#start/env'
import { dispatchMailOutbox } from '#services/notifications/mail_outbox'
import { dispatchOutbox } from '#services/requests/outbox'
import { syncOpenRequests } from '#services/requests/request_sync'
import { syncOpenQualityCases } from '#services/quality/case_sync'
import { createWorker, createWorkflowEngine, deployShippedProcesses } from '#workflow/engine'
import { topics } from '../../workflows/registry.js'
import { EmbeddedWorkflowEngine } from '#workflow/embedded/embedded_engine'
import { OperatonWorkflowEngine } from '#workflow/operaton/operaton_engine'
import { TopicClient } from '#workflow/operaton/topic_client'
import type { WorkflowPort } from '#workflow/port'
import type { ExternalWorker } from '#workflow/tasks/external_worker'

/*
 * The process's one engine and in-process worker. Created on first use: deploys the shipped
 * processes and recovers running instances. The web server (start/workflow.ts) and the
 * separate `node ace workflow:work` process run `startLoop()`; tests call `settle()` so
 * every run is deterministic.
 */
class WorkflowRuntime {
  #port?: WorkflowPort
  #worker?: ExternalWorker
  #ready?: Promise<void>
  #recovered = 0
  #loop?: NodeJS.Timeout
  #pass?: Promise<void>
  #timeoutsScannedAt = 0
  #clients: TopicClient[] = []
  /** Set inside a background pass, whose own settle() calls must not wait for the pass. */
  #inPass = new AsyncLocalStorage<true>()

  /** Running instances recovered from the database when this process's engine started. */
  get recovered() {
    return this.#recovered
  }

  async port(): Promise<WorkflowPort> {
    await this.ensureReady()
    return this.#port!
  }

  /** One pass of due timers and fetchable external tasks; returns the work done. */
  async tick(): Promise<number> {
    await this.ensureReady()
    const fired = await this.#port!.fireDueTimers()
    const handled = await this.#worker!.drain(20)
    return fired + handled
  }

  /*
   * Runs until nothing is left to do (bounded), e.g. right after a submit or a decision. A
   * background pass that started first may have fetched this caller's tasks (an outbox row is
   * visible to it the moment the submit commits); the caller waits for it instead of answering
   * with its process half-way (an auto-approvable request still "in_review").
   */
  async settle(maxRounds = 50) {
    if (this.#pass && !this.#inPass.getStore()) await this.#pass
    await this.#settle(maxRounds)
  }

  async #settle(maxRounds: number) {
    for (let round = 0; round < maxRounds; round++) {
      if ((await this.tick()) === 0) return
    }
  }

  /*
   * One background pass: start what the outbox holds, fire due timers and run topics, keep
   * request rows in step, apply task timeouts (every WORKFLOW_TIMEOUT_SCAN_SECONDS) and send
   * queued e-mail. A failing pass is logged and retried on the next one.
   */
  async backgroundPass() {
    try {
      const port = await this.port()
      if (!this.#clients.length) this.startTopicClients(port)
      await dispatchOutbox(port)
      await this.#settle(10)
      await syncOpenRequests(port)
      await syncOpenQualityCases(port)
      await this.#scanTimeouts(port)
      await dispatchMailOutbox()
    } catch (error) {
      logger.error({ err: error }, 'workflow background pass failed')
    }
  }

  async #scanTimeouts(port: WorkflowPort) {
    const everyMs = (env.get('WORKFLOW_TIMEOUT_SCAN_SECONDS') ?? 30) * 1000
    if (Date.now() - this.#timeoutsScannedAt < everyMs) return
    this.#timeoutsScannedAt = Date.now()
    // Imported on use: the scheduler's automatic decisions import this runtime.
    const { TimeoutScheduler } = await import('#services/requests/timeout_scheduler')
    await new TimeoutScheduler().runPass(port)
  }

  /*
   * Runs backgroundPass now and then every `intervalMs`, never two passes at once (its first
   * pass on Operaton starts the topic workers). The first pass at once deploys the processes
   * and recovers instances before the first request needs them (it paid ~0.4–2 s otherwise).
   */
  startLoop(intervalMs: number) {
    if (this.#loop) return
    const pass = () => {
      this.#pass ??= this.#inPass
        .run(true, () => this.backgroundPass())
        .finally(() => {
          this.#pass = undefined
        })
    }
    this.#loop = setInterval(pass, intervalMs)
    pass()
  }

  async stopLoop() {
    if (this.#loop) clearInterval(this.#loop)
    this.#loop = undefined
    const clients = this.#clients.splice(0)
    await Promise.all(clients.map((client) => client.stop()))
    await this.#pass
  }

  /** Operaton: OPERATON_WORKERS (default 1) camunda-external-task-client-js workers run the topics. */
  private startTopicClients(port: WorkflowPort) {
    if (!(port instanceof OperatonWorkflowEngine)) return
    for (let i = 0; i < (env.get('OPERATON_WORKERS') ?? 1); i++) {
      const client = new TopicClient(port, topics, { workerId: `app-${randomUUID()}` })
      client.start()
      this.#clients.push(client)
    }
  }

  /** Forgets the in-memory engine (tests of restart behaviour; a killed process). */
  reset() {
    this.#port = undefined
    this.#worker = undefined
    this.#ready = undefined
    this.#timeoutsScannedAt = 0
  }

  private ensureReady() {
    this.#ready ??= (async () => {
      const port = createWorkflowEngine()
      await deployShippedProcesses(port)
      if (port instanceof EmbeddedWorkflowEngine) this.#recovered = await port.recoverAll()
      this.#port = port
      this.#worker = createWorker(port, `app-${randomUUID()}`)
    })().catch((error) => {
      this.#ready = undefined
      throw error
    })
    return this.#ready
  }
}

const workflowRuntime = new WorkflowRuntime()
export default workflowRuntime
