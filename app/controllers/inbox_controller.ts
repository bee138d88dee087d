import type { HttpContext } from '@adonisjs/core/http'
import DecideTask from '#actions/requests/decide_task'
import workflowRuntime from '#services/workflow_runtime'
import { groupsOf, visibleTask } from '#services/requests/inbox'
import { nodeConfig } from '#services/requests/node_config'
import { deadlinesOf } from '#services/requests/task_deadlines'
import { signoffsOf } from '#services/requests/signoffs'
import {
  ccTab,
  doneTab,
  startedTab,
  tabCounts,
  todoTab,
  type InboxFilters,
} from '#services/requests/inbox_tabs'
import { validateBody, validateQuery } from '#validators/strict'
import {
  DECISION_FIELDS,
  PEOPLE_FIELDS,
  TAB_FIELDS,
  decisionValidator,
  peopleValidator,
  tabValidator,
} from '#validators/inbox'
import { transformTask } from '#transformers/request_transformer'
import DataRequest from '#models/data_request'
import DataRequestPolicy from '#policies/data_request_policy'
import { peopleDirectory } from '#services/requests/people'
import UnknownFieldsException from '#exceptions/unknown_fields_exception'
import { NARROWABLE, visibleForm } from '#services/requests/review_form'
import { actorFromContext } from '#services/audit/audit_log'

/** 待办 / 已办 / 抄送我的 / 我发起的, the badge counts, one task, and its decision. */
export default class InboxController {
  async todo(ctx: HttpContext) {
    const filters = await this.filters(ctx)
    const user = ctx.auth.user!
    return todoTab(await workflowRuntime.port(), user, await groupsOf(user), filters)
  }

  async done(ctx: HttpContext) {
    return doneTab(ctx.auth.user!, await this.filters(ctx))
  }

  async cc(ctx: HttpContext) {
    return ccTab(ctx.auth.user!, await this.filters(ctx))
  }

  async started(ctx: HttpContext) {
    return startedTab(ctx.auth.user!, await this.filters(ctx))
  }

  /** Colleagues to pick for 转办 / 委派 / 加签 (reviewers) or 抄送 (anyone active). */
  async people(ctx: HttpContext) {
    await ctx.bouncer.with(DataRequestPolicy).authorize('review')
    const { q, reviewers } = await validateQuery(ctx, peopleValidator, PEOPLE_FIELDS)
    return { data: await peopleDirectory(q, reviewers ?? true) }
  }

  async counts(ctx: HttpContext) {
    const user = ctx.auth.user!
    return { data: await tabCounts(await workflowRuntime.port(), user, await groupsOf(user)) }
  }

  async show(ctx: HttpContext) {
    const user = ctx.auth.user!
    const port = await workflowRuntime.port()
    const task = await visibleTask(port, user, await groupsOf(user), String(ctx.params.id))
    const deadlines = await deadlinesOf([task])
    const node = await nodeConfig(task.processKey, task.activityId)
    const request = await DataRequest.query()
      .where('code', task.businessKey)
      .preload('applicantOrg')
      .first()
    return {
      data: {
        ...transformTask(task),
        ...deadlines.get(task.id),
        node,
        signoffs: await signoffsOf(task.id),
        request: request && {
          code: request.code,
          status: request.status,
          datasets: request.datasetCodes,
          applicantOrg: { code: request.applicantOrg.code, name: request.applicantOrg.name },
          form: visibleForm(request.form, node.fieldPermissions),
          version: request.version,
        },
      },
    }
  }

  async decide(ctx: HttpContext) {
    const input = await validateBody(ctx, decisionValidator, DECISION_FIELDS)
    const changes = ctx.request.input('formChanges')
    const unknown = changes
      ? Object.keys(changes).filter((k) => !NARROWABLE.includes(k as any))
      : []
    if (unknown.length) throw new UnknownFieldsException(unknown.map((k) => `formChanges.${k}`))
    const user = ctx.auth.user!
    await new DecideTask().handle(
      user,
      await groupsOf(user),
      String(ctx.params.id),
      input,
      actorFromContext(ctx)
    )
    return ctx.response.noContent()
  }

  private async filters(ctx: HttpContext): Promise<InboxFilters> {
    return validateQuery(ctx, tabValidator, TAB_FIELDS)
  }
}
