import { mapped } from '#workflow/operaton/errors'
import type { OperatonConnection } from '#workflow/operaton/http_client'
import { OperatonExternalTasks } from '#workflow/operaton/external_task_api'
import { instanceHistory } from '#workflow/operaton/history_mapping'
import type { WorkflowPort } from '#workflow/port'

/*
 * The workflow port on an Operaton engine over its REST API (/engine-rest). State lives in
 * Operaton's database; this adapter keeps only its timeline entries and start claims in ours.
 */
export class OperatonWorkflowEngine extends OperatonExternalTasks implements WorkflowPort {
  async history(instanceId: string) {
    return mapped('instance', instanceId, () => instanceHistory(this.rest, instanceId))
  }

  /** Where the engine is, for the external-task client. */
  get connection(): OperatonConnection {
    return this.options
  }
}
