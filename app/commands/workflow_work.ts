import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** `node ace workflow:work`: recovers running instances, then runs timers and topic handlers until stopped. */
export default class WorkflowWork extends BaseCommand {
  static commandName = 'workflow:work'
  static description = 'Run the embedded workflow engine’s timers and external-task handlers'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.number({ description: 'Polling interval in milliseconds', default: 1000 })
  declare interval: number

  async run() {
    const { randomUUID } = await import('node:crypto')
    const { createWorker, createWorkflowEngine, deployShippedProcesses } =
      await import('#workflow/engine')
    const { EmbeddedWorkflowEngine } = await import('#workflow/embedded/embedded_engine')
    const { BackgroundRunner } = await import('#workflow/tasks/background_runner')
    const port = createWorkflowEngine()
    await deployShippedProcesses(port)
    if (port instanceof EmbeddedWorkflowEngine) {
      this.logger.info(`recovered ${await port.recoverAll()} running instance(s)`)
    }
    const runner = new BackgroundRunner(
      port,
      createWorker(port, `worker-${randomUUID()}`),
      this.interval
    )
    const stop = async () => {
      await runner.stop()
      await this.terminate()
    }
    process.once('SIGINT', stop).once('SIGTERM', stop)
    runner.start()
    this.logger.success('workflow worker running; Ctrl-C to stop')
  }
}
