import type { HttpContext } from '@adonisjs/core/http'
import ExportJob from '#models/export_job'
import ExportPolicy from '#policies/export_policy'
import CreateExport from '#actions/delivery/create_export'
import ManageExports from '#actions/delivery/manage_exports'
import DownloadExport from '#actions/delivery/download_export'
import exportRunner from '#services/delivery/export_runner'
import { actorFromContext } from '#services/audit/audit_log'
import { routeId, validateBody, validateQuery } from '#validators/strict'
import {
  createExportFields,
  createExportValidator,
  exportListFields,
  exportListValidator,
  idempotencyKeyPattern,
} from '#validators/exports'
import { transformExport } from '#transformers/export_transformer'
import { paginationMeta } from '#transformers/pagination'
import AppException from '#exceptions/app_exception'
import { ExportNotFoundException } from '#exceptions/export_exceptions'

/*
 * File exports of the signed-in applicant (admins: everyone's, to retry failed ones). Another
 * user's export id answers 404 for every action, like a missing one.
 */
export default class ExportsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(ExportPolicy).authorize('create')
    const input = await validateBody(ctx, createExportValidator, Object.keys(createExportFields))
    const key = ctx.request.header('idempotency-key') ?? null
    if (key !== null && !idempotencyKeyPattern.test(key))
      throw new AppException('E_VALIDATION', 422, {
        details: [{ field: 'Idempotency-Key', rule: 'regex' }],
      })
    const { job, created } = await new CreateExport().handle(
      ctx.auth.user!,
      input,
      key,
      actorFromContext(ctx)
    )
    if (created) exportRunner.nudge()
    return ctx.response.status(202).send({ data: transformExport(job) })
  }

  async index(ctx: HttpContext) {
    const filters = await validateQuery(ctx, exportListValidator, Object.keys(exportListFields))
    const query = ExportJob.query().orderBy('id', 'desc')
    if (filters.all) await ctx.bouncer.with(ExportPolicy).authorize('listAll')
    else query.where('userId', ctx.auth.user!.id)
    if (filters.status) query.where('status', filters.status)
    const page = await query.paginate(filters.page ?? 1, filters.perPage ?? 20)
    const data = page.all().map((job) => transformExport(job, { forAdmin: !!filters.all }))
    return { data, meta: paginationMeta(page) }
  }

  async show(ctx: HttpContext) {
    return { data: transformExport(await this.mine(ctx)) }
  }

  async cancel(ctx: HttpContext) {
    const job = await new ManageExports().cancel(await this.mine(ctx), actorFromContext(ctx))
    return { data: transformExport(job) }
  }

  async retry(ctx: HttpContext) {
    await ctx.bouncer.with(ExportPolicy).authorize('retry')
    const job = await ExportJob.find(routeId(ctx))
    if (!job) throw new ExportNotFoundException(ctx.params.id)
    return { data: transformExport(await new ManageExports().retry(job, actorFromContext(ctx))) }
  }

  async link(ctx: HttpContext) {
    const job = await this.mine(ctx)
    const { expires, signature } = await new ManageExports().link(job)
    const url = `/api/v1/exports/${job.id}/download?expires=${expires}&signature=${signature}`
    ctx.response.header('Cache-Control', 'no-store')
    return { data: { url, expiresAt: new Date(expires * 1000).toISOString() } }
  }

  async download(ctx: HttpContext) {
    await new DownloadExport().handle(ctx, await this.mine(ctx), actorFromContext(ctx))
  }

  private async mine(ctx: HttpContext) {
    const job = await ExportJob.query()
      .where('id', routeId(ctx))
      .where('userId', ctx.auth.user!.id)
      .first()
    if (!job) throw new ExportNotFoundException(ctx.params.id)
    return job
  }
}
