import type { HttpContext } from '@adonisjs/core/http'
import ApiKey from '#models/api_key'
import GrantPolicy from '#policies/grant_policy'
import ManageApiKeys from '#actions/delivery/manage_api_keys'
import { actorFromContext } from '#services/audit/audit_log'
import { routeId, validateBody, validateQuery } from '#validators/strict'
import {
  issueKeyFields,
  issueKeyValidator,
  keyListFields,
  keyListValidator,
} from '#validators/delivery'
import { transformApiKey } from '#transformers/delivery_transformer'
import { paginationMeta } from '#transformers/pagination'
import { ApiKeyNotFoundException } from '#exceptions/delivery_exceptions'

/*
 * API keys of the signed-in applicant. The secret appears in the issue and rotate responses
 * only; another user's key id answers 404.
 */
export default class ApiKeysController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(GrantPolicy).authorize('issueKeys')
    const input = await validateBody(ctx, issueKeyValidator, Object.keys(issueKeyFields))
    const { key, secret } = await new ManageApiKeys().issue(
      ctx.auth.user!,
      input,
      actorFromContext(ctx)
    )
    await key.load('grants')
    ctx.response.header('Cache-Control', 'no-store')
    return ctx.response.created({ data: { ...transformApiKey(key), secret } })
  }

  async index(ctx: HttpContext) {
    const filters = await validateQuery(ctx, keyListValidator, Object.keys(keyListFields))
    const page = await ApiKey.query()
      .where('userId', ctx.auth.user!.id)
      .preload('grants')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 20)
    return { data: page.all().map(transformApiKey), meta: paginationMeta(page) }
  }

  async show(ctx: HttpContext) {
    return { data: transformApiKey(await this.mine(ctx)) }
  }

  async rotate(ctx: HttpContext) {
    const { key, secret } = await new ManageApiKeys().rotate(
      await this.mine(ctx),
      actorFromContext(ctx)
    )
    ctx.response.header('Cache-Control', 'no-store')
    return { data: { ...transformApiKey(key), secret } }
  }

  async revoke(ctx: HttpContext) {
    const key = await new ManageApiKeys().revoke(await this.mine(ctx), actorFromContext(ctx))
    return { data: transformApiKey(key) }
  }

  private async mine(ctx: HttpContext) {
    const key = await ApiKey.query()
      .where('id', routeId(ctx))
      .where('userId', ctx.auth.user!.id)
      .preload('grants')
      .first()
    if (!key) throw new ApiKeyNotFoundException(ctx.params.id)
    return key
  }
}
