import type { HttpContext } from '@adonisjs/core/http'
import DataRequest from '#models/data_request'
import DataRequestPolicy from '#policies/data_request_policy'
import SubmitRequest from '#actions/requests/submit_request'
import EndRequest from '#actions/requests/end_request'
import AmendRequest from '#actions/requests/amend_request'
import UrgeRequest from '#actions/requests/urge_request'
import { actionsOf } from '#services/requests/request_actions'
import { previewRoute } from '#services/requests/route_preview'
import { deadlinesOf } from '#services/requests/task_deadlines'
import { hiddenFromReviewers, visibleForm } from '#services/requests/review_form'
import { withNames } from '#services/requests/people'
import { previousGrantOf } from '#services/requests/previous_grant'
import workflowRuntime from '#services/workflow_runtime'
import { dispatchOutbox } from '#services/requests/outbox'
import { syncRequest } from '#services/requests/request_sync'
import { validateBody, validateQuery } from '#validators/strict'
import {
  AMEND_FIELDS,
  LIST_REQUEST_FIELDS,
  REASON_FIELDS,
  REQUEST_FORM_FIELDS,
  URGE_FIELDS,
  amendRequestValidator,
  listRequestsValidator,
  reasonValidator,
  submitRequestValidator,
  urgeValidator,
} from '#validators/request'
import {
  transformRequest,
  transformTask,
  transformTimeline,
} from '#transformers/request_transformer'
import { paginationMeta } from '#transformers/pagination'
import { actorFromContext } from '#services/audit/audit_log'

export default class RequestsController {
  /** Submit: stored with its outbox row, then started at once; auto-approvable requests finish here. */
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(DataRequestPolicy).authorize('submit')
    const input = await validateBody(ctx, submitRequestValidator, REQUEST_FORM_FIELDS)
    const request = await new SubmitRequest().handle(ctx.auth.user!, input, actorFromContext(ctx))
    const port = await workflowRuntime.port()
    await dispatchOutbox(port, request.code)
    await workflowRuntime.settle()
    await request.refresh()
    await syncRequest(port, request)
    return ctx.response.created({ data: transformRequest(request) })
  }

  async index(ctx: HttpContext) {
    const filters = await validateQuery(ctx, listRequestsValidator, LIST_REQUEST_FIELDS)
    const page = await DataRequest.query()
      .where('applicantId', ctx.auth.user!.id)
      .if(filters.status, (q) => q.where('status', filters.status!))
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 20)
    return { data: page.all().map(transformRequest), meta: paginationMeta(page) }
  }

  /** Detail with the timeline and the current step(s): who has it, due when. */
  async show(ctx: HttpContext) {
    const request = await this.find(ctx)
    await ctx.bouncer.with(DataRequestPolicy).authorize('view', request)
    const port = await workflowRuntime.port()
    await syncRequest(port, request)
    const instance = await port.findInstance('data_request', request.code)
    const history = instance ? await port.history(instance.id) : []
    const timeline = transformTimeline(history, await actionsOf(request.code))
    const current = instance
      ? await port.queryTasks({ instanceId: instance.id, status: 'open' })
      : []
    const deadlines = await deadlinesOf(current)
    const user = ctx.auth.user!
    const owner = request.applicantId === user.id || user.hasPermission('process.manage')
    const shown = transformRequest(request)
    // Reviewers read the form without the fields any node hides from reviewers (字段权限).
    if (!owner)
      shown.form = visibleForm(
        request.form,
        await hiddenFromReviewers('data_request')
      ) as typeof shown.form
    return {
      data: {
        ...shown,
        timeline: await withNames(timeline),
        previousGrant: await previousGrantOf(port, request),
        currentTasks: current.map((t) => ({ ...transformTask(t), ...deadlines.get(t.id) })),
      },
    }
  }

  /** 流程预测: the current step(s) and who reviews next, by when. */
  async route(ctx: HttpContext) {
    const request = await this.find(ctx)
    await ctx.bouncer.with(DataRequestPolicy).authorize('view', request)
    const port = await workflowRuntime.port()
    await syncRequest(port, request)
    const instance = await port.findInstance('data_request', request.code)
    if (!instance || instance.status !== 'running') return { data: { steps: [] } }
    const open = await port.queryTasks({ instanceId: instance.id, status: 'open' })
    const deadlines = await deadlinesOf(open)
    const tasks = open.map((t) => ({ ...t, dueAt: deadlines.get(t.id)?.dueAt ?? t.dueAt }))
    return { data: { steps: await previewRoute('data_request', instance.variables, tasks) } }
  }

  /** 修改后重新提交 after a return. */
  async amend(ctx: HttpContext) {
    const request = await this.find(ctx)
    await ctx.bouncer.with(DataRequestPolicy).authorize('withdraw', request)
    const input = await validateBody(ctx, amendRequestValidator, AMEND_FIELDS)
    const amended = await new AmendRequest().handle(
      ctx.auth.user!,
      request,
      input,
      actorFromContext(ctx)
    )
    return { data: transformRequest(amended) }
  }

  /** 催办 */
  async urge(ctx: HttpContext) {
    const request = await this.find(ctx)
    await ctx.bouncer.with(DataRequestPolicy).authorize('urge', request)
    const { note } = await validateBody(ctx, urgeValidator, URGE_FIELDS)
    const result = await new UrgeRequest().handle(
      ctx.auth.user!,
      request,
      note ?? null,
      actorFromContext(ctx)
    )
    return { data: result }
  }

  async withdraw(ctx: HttpContext) {
    const request = await this.find(ctx)
    await ctx.bouncer.with(DataRequestPolicy).authorize('withdraw', request)
    const { reason } = await validateBody(ctx, reasonValidator, REASON_FIELDS)
    await new EndRequest().withdraw(request, reason, actorFromContext(ctx))
    return { data: transformRequest(request) }
  }

  async cancel(ctx: HttpContext) {
    const request = await this.find(ctx)
    await ctx.bouncer.with(DataRequestPolicy).authorize('cancel', request)
    const { reason } = await validateBody(ctx, reasonValidator, REASON_FIELDS)
    await new EndRequest().cancel(request, reason, actorFromContext(ctx))
    return { data: transformRequest(request) }
  }

  private find(ctx: HttpContext) {
    return DataRequest.findByOrFail('code', String(ctx.params.code))
  }
}
