import workflowRuntime from '#services/workflow_runtime'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import { InvalidDefinitionException } from '#workflow/port'
import type { DeployedDefinition } from '#workflow/types'

/*
 * Deploys a new version from uploaded BPMN. The port lints first and throws every problem at
 * once; a refused upload is audited too, so the trail shows who tried to change a process.
 */
export default class DeployDefinition {
  async handle(input: { name?: string; xml: string }, actor: AuditActor) {
    const port = await workflowRuntime.port()
    const name = input.name ?? 'upload.bpmn'
    let deployed: DeployedDefinition
    try {
      deployed = (await this.unchanged(input.xml)) ?? (await port.deploy(name, input.xml))
    } catch (error) {
      if (error instanceof InvalidDefinitionException) {
        await recordAudit(actor, {
          action: 'process.deploy',
          result: 'failure',
          objectType: 'workflow_definition',
          details: { name, problems: error.details },
        })
      }
      throw error
    }
    await recordAudit(actor, {
      action: 'process.deploy',
      result: 'success',
      objectType: 'workflow_definition',
      objectId: deployed.id,
      details: { name, key: deployed.key, version: deployed.version, created: deployed.created },
    })
    return deployed
  }

  /*
   * The body parser trims strings, so an uploaded copy of a shipped file loses its final newline
   * and its checksum would differ: compare without surrounding whitespace instead.
   */
  private async unchanged(xml: string): Promise<DeployedDefinition | null> {
    const port = await workflowRuntime.port()
    const seen = new Set<string>()
    for (const latest of await port.listDefinitions()) {
      if (seen.has(latest.key)) continue
      seen.add(latest.key)
      const current = await port.getDefinitionXml(latest.id)
      if (current.trim() === xml.trim()) {
        const { id, key, name, version } = latest
        return { id, key, name, version, created: false }
      }
    }
    return null
  }
}
