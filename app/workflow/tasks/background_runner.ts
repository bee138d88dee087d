import logger from '@adonisjs/core/services/logger'
import type { WorkflowPort } from '#workflow/port'
import type { ExternalWorker } from '#workflow/tasks/external_worker'

/*
 * The in-app loop for the embedded engine: fire due timers, run fetchable topics, repeat.
 * Safe on several app instances: timers and external tasks are claimed by guarded row updates.
 */
export class BackgroundRunner {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null

  constructor(
    private readonly port: WorkflowPort,
    private readonly worker: ExternalWorker,
    private readonly intervalMs = 1000
  ) {}

  start() {
    if (this.timer) return
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => {
        this.running = null
      })
    }, this.intervalMs)
  }

  async stop() {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running
  }

  /** One round; a failing timer or topic is logged and retried on a later round, never dropped. */
  async tick() {
    try {
      await this.port.fireDueTimers()
      await this.worker.poll()
    } catch (error) {
      logger.error({ err: error }, 'workflow background round failed')
    }
  }
}
