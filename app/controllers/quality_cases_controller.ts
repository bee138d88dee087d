import type { HttpContext } from '@adonisjs/core/http'
import QualityCase from '#models/quality_case'
import QualityCasePolicy from '#policies/quality_case_policy'
import OpenQualityCase from '#actions/quality/open_quality_case'
import workflowRuntime from '#services/workflow_runtime'
import { dispatchOutbox } from '#services/requests/outbox'
import { QUALITY_PROCESS, syncQualityCase } from '#services/quality/case_sync'
import { actionsOf } from '#services/requests/request_actions'
import { validateBody, validateQuery } from '#validators/strict'
import {
  LIST_CASE_FIELDS,
  OPEN_CASE_FIELDS,
  listCasesValidator,
  openCaseValidator,
} from '#validators/quality'
import { transformQualityCase } from '#transformers/quality_case_transformer'
import { transformTask, transformTimeline } from '#transformers/request_transformer'
import { paginationMeta } from '#transformers/pagination'
import { actorFromContext } from '#services/audit/audit_log'

/** 质量整改 cases: open (catalog admin), list, detail with timeline and current steps. */
export default class QualityCasesController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(QualityCasePolicy).authorize('open')
    const input = await validateBody(ctx, openCaseValidator, OPEN_CASE_FIELDS)
    const qc = await new OpenQualityCase().handle(ctx.auth.user!, input, actorFromContext(ctx))
    const port = await workflowRuntime.port()
    await dispatchOutbox(port, qc.code)
    await workflowRuntime.settle()
    await qc.refresh()
    await syncQualityCase(port, qc)
    await qc.load('dataset')
    await qc.load('provider')
    return ctx.response.created({ data: transformQualityCase(qc) })
  }

  async index(ctx: HttpContext) {
    const filters = await validateQuery(ctx, listCasesValidator, LIST_CASE_FIELDS)
    const user = ctx.auth.user!
    const all = await ctx.bouncer.with(QualityCasePolicy).allows('listAll')
    const page = await QualityCase.query()
      .if(!all, (q) => q.where('providerOrgId', user.organisationId))
      .if(filters.status, (q) => q.where('status', filters.status!))
      .if(filters.dataset, (q) => q.whereHas('dataset', (d) => d.where('code', filters.dataset!)))
      .preload('dataset')
      .preload('provider')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 20)
    return { data: page.all().map(transformQualityCase), meta: paginationMeta(page) }
  }

  async show(ctx: HttpContext) {
    const qc = await QualityCase.query()
      .where('code', String(ctx.params.code))
      .preload('dataset')
      .preload('provider')
      .firstOrFail()
    await ctx.bouncer.with(QualityCasePolicy).authorize('view', qc)
    const port = await workflowRuntime.port()
    await syncQualityCase(port, qc)
    const instance = await port.findInstance(QUALITY_PROCESS, qc.code)
    const history = instance ? await port.history(instance.id) : []
    const current = instance
      ? await port.queryTasks({ instanceId: instance.id, status: 'open' })
      : []
    return {
      data: {
        ...transformQualityCase(qc),
        timeline: transformTimeline(history, await actionsOf(qc.code)),
        currentTasks: current.map(transformTask),
      },
    }
  }
}
