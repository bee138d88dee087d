import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** `node ace workflow:deploy`: lints and deploys workflows/*.bpmn; unchanged files keep their version. */
export default class WorkflowDeploy extends BaseCommand {
  static commandName = 'workflow:deploy'
  static description = 'Lint and deploy the shipped BPMN processes (new version only when changed)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { createWorkflowEngine, deployShippedProcesses } = await import('#workflow/engine')
    for (const definition of await deployShippedProcesses(createWorkflowEngine())) {
      this.logger.info(
        `${definition.key} v${definition.version}${definition.created ? ' (deployed)' : ' (unchanged)'}`
      )
    }
  }
}
