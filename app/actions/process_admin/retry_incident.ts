import workflowRuntime from '#services/workflow_runtime'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { WorkflowNotFoundException } from '#workflow/port'
import type { Variables } from '#workflow/types'

/*
 * Gives an incident's external task its retries back, after optionally fixing the instance's
 * variables, then lets the worker run it at once so the answer shows whether it now passes.
 */
export default class RetryIncident {
  async handle(
    incidentId: string,
    input: { retries?: number; variables?: Variables },
    actor: AuditActor
  ) {
    const port = await workflowRuntime.port()
    const open = await port.incidents()
    const incident = open.find((i) => i.id === incidentId)
    if (!incident) throw new WorkflowNotFoundException('incident', incidentId)
    if (input.variables && Object.keys(input.variables).length) {
      await port.setVariables(incident.instanceId, input.variables, String(actor.actorId))
    }
    const retries = input.retries ?? 1
    await port.retryIncident(incident.id, retries)
    await recordAudit(actor, {
      action: 'process.incident_retry',
      result: 'success',
      objectType: 'workflow_incident',
      objectId: incident.id,
      details: {
        instanceId: incident.instanceId,
        activityId: incident.activityId,
        retries,
        variables: input.variables ? Object.keys(input.variables) : [],
      },
    })
    await workflowRuntime.settle()
    const remaining = await port.incidents(incident.instanceId)
    return { incident, resolved: !remaining.some((i) => i.activityId === incident.activityId) }
  }
}
