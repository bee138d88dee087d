import type { HttpContext } from '@adonisjs/core/http'
import Grant from '#models/grant'
import GrantPolicy from '#policies/grant_policy'
import ChangeGrantStatus, { type GrantAction } from '#actions/delivery/change_grant_status'
import ChangeGrantQuota from '#actions/delivery/change_grant_quota'
import clock from '#services/clock'
import { actorFromContext } from '#services/audit/audit_log'
import { routeId, validateBody, validateQuery } from '#validators/strict'
import {
  grantListFields,
  grantListValidator,
  grantQuotaFields,
  grantQuotaValidator,
  grantReasonFields,
  grantReasonValidator,
} from '#validators/delivery'
import { transformGrant } from '#transformers/delivery_transformer'
import { paginationMeta } from '#transformers/pagination'
import { GrantNotFoundException } from '#exceptions/delivery_exceptions'

/*
 * Grants (授权): mine as applicant, those of my organisation's datasets as owner, all for the
 * security officer. A grant the caller may not see answers 404, like a missing one.
 */
export default class GrantsController {
  async index(ctx: HttpContext) {
    const filters = await validateQuery(ctx, grantListValidator, Object.keys(grantListFields))
    const user = ctx.auth.user!
    const view = filters.view ?? 'mine'
    const query = Grant.query().preload('datasets').preload('applicantOrg').orderBy('id', 'desc')
    if (view === 'mine') query.where('applicantId', user.id)
    else if (view === 'owned') {
      await ctx.bouncer.with(GrantPolicy).authorize('listOwned')
      query.whereIn('id', (q) =>
        q.from('grant_datasets').where('owner_org_id', user.organisationId).select('grant_id')
      )
    } else await ctx.bouncer.with(GrantPolicy).authorize('listAll')
    if (filters.status) query.where('status', filters.status)
    const page = await query.paginate(filters.page ?? 1, filters.perPage ?? 20)
    const now = clock.now()
    return {
      data: page.all().map((grant) => transformGrant(grant, grant.effectiveStatus(now))),
      meta: paginationMeta(page),
    }
  }

  async show(ctx: HttpContext) {
    const grant = await this.visible(ctx)
    return { data: transformGrant(grant, grant.effectiveStatus(clock.now())) }
  }

  suspend(ctx: HttpContext) {
    return this.change(ctx, 'suspend')
  }

  resume(ctx: HttpContext) {
    return this.change(ctx, 'resume')
  }

  revoke(ctx: HttpContext) {
    return this.change(ctx, 'revoke')
  }

  /** 配额: rows per day and calls per minute, by an owner or the security officer. */
  async quota(ctx: HttpContext) {
    const grant = await this.visible(ctx)
    await ctx.bouncer.with(GrantPolicy).authorize('manage', grant)
    const change = await validateBody(ctx, grantQuotaValidator, Object.keys(grantQuotaFields))
    const changed = await new ChangeGrantQuota().handle(grant.id, change, actorFromContext(ctx))
    await changed.load((loader) => loader.load('datasets').load('applicantOrg'))
    return { data: transformGrant(changed, changed.effectiveStatus(clock.now())) }
  }

  private async change(ctx: HttpContext, action: GrantAction) {
    const grant = await this.visible(ctx)
    await ctx.bouncer.with(GrantPolicy).authorize('manage', grant)
    const { reason } = await validateBody(ctx, grantReasonValidator, Object.keys(grantReasonFields))
    const changed = await new ChangeGrantStatus().handle(
      grant.id,
      action,
      reason,
      actorFromContext(ctx)
    )
    await changed.load((loader) => loader.load('datasets').load('applicantOrg'))
    return { data: transformGrant(changed, changed.effectiveStatus(clock.now())) }
  }

  private async visible(ctx: HttpContext) {
    const grant = await Grant.query()
      .where('id', routeId(ctx))
      .preload('datasets')
      .preload('applicantOrg')
      .first()
    if (!grant || !(await ctx.bouncer.with(GrantPolicy).allows('view', grant)))
      throw new GrantNotFoundException(ctx.params.id)
    return grant
  }
}
