import { randomUUID } from 'node:crypto'
import { createWorker, createWorkflowEngine, deployShippedProcesses } from '#workflow/engine'
import { EmbeddedWorkflowEngine } from '#workflow/embedded/embedded_engine'
import type { WorkflowPort } from '#workflow/port'
import type { ExternalWorker } from '#workflow/tasks/external_worker'

/*
 * The application's one engine and in-process worker. Created on first use: deploys the
 * shipped processes and recovers running instances. The HTTP server also runs `tick()` on an
 * interval (start/workflow.ts); tests call `settle()` so every run is deterministic.
 */
class WorkflowRuntime {
  #port?: WorkflowPort
  #worker?: ExternalWorker
  #ready?: Promise<void>

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

  /** Runs until nothing is left to do (bounded), e.g. right after a submit or a decision. */
  async settle(maxRounds = 50) {
    for (let round = 0; round < maxRounds; round++) {
      if ((await this.tick()) === 0) return
    }
  }

  /** Forgets the in-memory engine (tests of restart behaviour; a killed process). */
  reset() {
    this.#port = undefined
    this.#worker = undefined
    this.#ready = undefined
  }

  private ensureReady() {
    this.#ready ??= (async () => {
      const port = createWorkflowEngine()
      await deployShippedProcesses(port)
      if (port instanceof EmbeddedWorkflowEngine) await port.recoverAll()
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
