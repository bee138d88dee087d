import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/*
 * `node ace workflow:work`: the web server's background loop as a process of its own, so
 * workers can scale apart from the HTTP servers. Recovers running instances, then starts the
 * outbox, fires timers, runs topic handlers and syncs request status until stopped. With
 * WORKFLOW_ENGINE=operaton the topics run in OPERATON_WORKERS camunda-external-task-client-js
 * workers and Operaton's job executor fires the timers.
 */
export default class WorkflowWork extends BaseCommand {
  static commandName = 'workflow:work'
  static description =
    'Run the workflow outbox, timers and external-task handlers (embedded or Operaton)'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.number({ description: 'Polling interval in milliseconds', default: 1000 })
  declare interval: number

  async run() {
    const { default: workflowRuntime } = await import('#services/workflow_runtime')
    await workflowRuntime.port()
    this.logger.info(`recovered ${workflowRuntime.recovered} running instance(s)`)
    const stop = async () => {
      await workflowRuntime.stopLoop()
      await this.terminate()
    }
    process.once('SIGINT', stop).once('SIGTERM', stop)
    workflowRuntime.startLoop(this.interval)
    this.logger.success('workflow worker running; Ctrl-C to stop')
  }
}
