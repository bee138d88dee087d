import type { HttpContext } from '@adonisjs/core/http'
import Grant from '#models/grant'
import GrantPolicy from '#policies/grant_policy'
import UsagePolicy from '#policies/usage_policy'
import { listUsage, usageStats, type UsageView } from '#services/delivery/usage_query'
import { validateQuery } from '#validators/strict'
import {
  usageListFields,
  usageListValidator,
  usageStatsFields,
  usageStatsValidator,
} from '#validators/delivery'
import { paginationMeta } from '#transformers/pagination'
import { GrantNotFoundException } from '#exceptions/delivery_exceptions'

/*
 * The usage trail: the applicant sees their calls, owners the calls on their organisation's
 * datasets, the audit admin and the security officer everything. A grant filter for a grant
 * the caller cannot see answers 404.
 */
export default class UsageController {
  async index(ctx: HttpContext) {
    const filters = await validateQuery(ctx, usageListValidator, Object.keys(usageListFields))
    const view = await this.view(ctx, filters.grantId)
    const page = filters.page ?? 1
    const perPage = filters.perPage ?? 50
    const { rows, total } = await listUsage(view, filters, page, perPage)
    return {
      data: rows,
      meta: paginationMeta({
        total,
        perPage,
        currentPage: page,
        lastPage: Math.max(1, Math.ceil(total / perPage)),
      }),
    }
  }

  async stats(ctx: HttpContext) {
    const filters = await validateQuery(ctx, usageStatsValidator, Object.keys(usageStatsFields))
    const view = await this.view(ctx, filters.grantId)
    return { data: await usageStats(view, filters, filters.period ?? 'day', filters.by) }
  }

  private async view(ctx: HttpContext, grantId: number | undefined): Promise<UsageView> {
    const user = ctx.auth.user!
    await ctx.bouncer.with(UsagePolicy).authorize('read')
    if (grantId) {
      const grant = await Grant.query().where('id', grantId).preload('datasets').first()
      if (!grant || !(await ctx.bouncer.with(GrantPolicy).allows('view', grant)))
        throw new GrantNotFoundException(grantId)
    }
    if (await ctx.bouncer.with(UsagePolicy).allows('readAll')) return { all: true }
    const owner = await ctx.bouncer.with(UsagePolicy).allows('readOwned')
    return { all: false, userId: user.id, ownerOrgId: owner ? user.organisationId : null }
  }
}
