import type { HttpContext } from '@adonisjs/core/http'
import DataRequest from '#models/data_request'
import DataRequestPolicy from '#policies/data_request_policy'
import SubmitRequest from '#actions/requests/submit_request'
import EndRequest from '#actions/requests/end_request'
import workflowRuntime from '#services/workflow_runtime'
import { dispatchOutbox } from '#services/requests/outbox'
import { syncRequest } from '#services/requests/request_sync'
import { validateBody, validateQuery } from '#validators/strict'
import {
  LIST_REQUEST_FIELDS,
  REASON_FIELDS,
  REQUEST_FORM_FIELDS,
  listRequestsValidator,
  reasonValidator,
  submitRequestValidator,
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
    const timeline = instance ? transformTimeline(await port.history(instance.id)) : []
    const current = instance
      ? await port.queryTasks({ instanceId: instance.id, status: 'open' })
      : []
    return {
      data: { ...transformRequest(request), timeline, currentTasks: current.map(transformTask) },
    }
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
