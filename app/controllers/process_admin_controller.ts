import type { HttpContext } from '@adonisjs/core/http'
import ProcessAdminPolicy from '#policies/process_admin_policy'
import DeployDefinition from '#actions/process_admin/deploy_definition'
import RetryIncident from '#actions/process_admin/retry_incident'
import workflowRuntime from '#services/workflow_runtime'
import { actorFromContext } from '#services/audit/audit_log'
import { validateBody, validateQuery } from '#validators/strict'
import {
  deployFields,
  deployValidator,
  incidentListFields,
  incidentListValidator,
  listFields,
  listValidator,
  retryFields,
  retryValidator,
} from '#validators/process_admin'
import { groupDefinitions, paginate } from '#transformers/process_admin_transformer'
import { WorkflowNotFoundException } from '#workflow/port'

/** 流程管理: deployed processes and their versions, uploads of new versions, incidents. */
export default class ProcessAdminController {
  async definitions(ctx: HttpContext) {
    await ctx.bouncer.with(ProcessAdminPolicy).authorize('manage')
    const filters = await validateQuery(ctx, listValidator, Object.keys(listFields))
    const port = await workflowRuntime.port()
    return paginate(groupDefinitions(await port.listDefinitions()), filters)
  }

  async showDefinition(ctx: HttpContext) {
    await ctx.bouncer.with(ProcessAdminPolicy).authorize('manage')
    const id = String(ctx.params.id)
    const port = await workflowRuntime.port()
    const versions = await port.listDefinitions()
    const summary = versions.find((d) => d.id === id)
    if (!summary) throw new WorkflowNotFoundException('definition', id)
    return { data: { ...summary, xml: await port.getDefinitionXml(id) } }
  }

  async deploy(ctx: HttpContext) {
    await ctx.bouncer.with(ProcessAdminPolicy).authorize('manage')
    const input = await validateBody(ctx, deployValidator, Object.keys(deployFields))
    const deployed = await new DeployDefinition().handle(input, actorFromContext(ctx))
    return ctx.response.status(deployed.created ? 201 : 200).send({ data: deployed })
  }

  async incidents(ctx: HttpContext) {
    await ctx.bouncer.with(ProcessAdminPolicy).authorize('manage')
    const filters = await validateQuery(ctx, incidentListValidator, Object.keys(incidentListFields))
    const port = await workflowRuntime.port()
    return paginate(await port.incidents(filters.instanceId), filters)
  }

  async retry(ctx: HttpContext) {
    await ctx.bouncer.with(ProcessAdminPolicy).authorize('manage')
    const input = await validateBody(ctx, retryValidator, Object.keys(retryFields))
    const result = await new RetryIncident().handle(
      String(ctx.params.id),
      input,
      actorFromContext(ctx)
    )
    return { data: result }
  }
}
