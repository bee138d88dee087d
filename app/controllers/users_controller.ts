import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import SaveUser from '#actions/users/save_user'
import UnlockUser from '#actions/users/unlock_user'
import { routeId, validateBody, validateQuery } from '#validators/strict'
import {
  CREATE_USER_FIELDS,
  LIST_USER_FIELDS,
  UPDATE_USER_FIELDS,
  createUserValidator,
  listUsersValidator,
  updateUserValidator,
} from '#validators/user'
import { transformUser } from '#transformers/user_transformer'
import { paginationMeta } from '#transformers/pagination'
import { actorFromContext } from '#services/audit/audit_log'

export default class UsersController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(UserPolicy).authorize('viewList')
    const filters = await validateQuery(ctx, listUsersValidator, LIST_USER_FIELDS)
    const page = await User.query()
      .if(filters.q, (q) =>
        q.where((w) =>
          w
            .where('username', 'like', `%${filters.q}%`)
            .orWhere('displayName', 'like', `%${filters.q}%`)
        )
      )
      .if(filters.organisationId, (q) => q.where('organisationId', filters.organisationId!))
      .if(filters.status, (q) => q.where('status', filters.status!))
      .if(filters.role, (q) => q.whereHas('roleRows', (r) => r.where('role', filters.role!)))
      .preload('roleRows')
      .preload('organisation')
      .orderBy('id', 'asc')
      .paginate(filters.page ?? 1, filters.perPage ?? 20)
    return { data: page.all().map(transformUser), meta: paginationMeta(page) }
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(UserPolicy).authorize('create')
    const input = await validateBody(ctx, createUserValidator, CREATE_USER_FIELDS)
    const user = await new SaveUser().create(input, actorFromContext(ctx))
    return ctx.response.created({ data: transformUser(user) })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(UserPolicy).authorize('update')
    const input = await validateBody(ctx, updateUserValidator, UPDATE_USER_FIELDS)
    const user = await new SaveUser().update(routeId(ctx), input, actorFromContext(ctx))
    return { data: transformUser(user) }
  }

  async unlock(ctx: HttpContext) {
    await ctx.bouncer.with(UserPolicy).authorize('unlock')
    const user = await new UnlockUser().handle(routeId(ctx), actorFromContext(ctx))
    return { data: transformUser(user) }
  }
}
