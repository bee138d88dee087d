import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import Subscription from '#models/subscription'
import SubscriptionPolicy from '#policies/subscription_policy'
import ManageSubscriptions from '#actions/delivery/manage_subscriptions'
import { actorFromContext } from '#services/audit/audit_log'
import { routeId, validateBody, validateQuery } from '#validators/strict'
import {
  deliveryListFields,
  deliveryListValidator,
  subscribeFields,
  subscribeValidator,
  subscriptionListFields,
  subscriptionListValidator,
} from '#validators/delivery'
import { transformDelivery, transformSubscription } from '#transformers/subscription_transformer'
import { paginationMeta } from '#transformers/pagination'
import { SubscriptionNotFoundException } from '#exceptions/subscription_exceptions'

/*
 * Webhook subscriptions of the signed-in grant holder. The signing secret appears in the create
 * and rotate responses only; another user's (or a deleted) subscription answers 404.
 */
export default class SubscriptionsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(SubscriptionPolicy).authorize('create')
    const input = await validateBody(ctx, subscribeValidator, Object.keys(subscribeFields))
    const { subscription, secret } = await new ManageSubscriptions().create(
      ctx.auth.user!,
      input,
      actorFromContext(ctx)
    )
    await subscription.load('grant')
    ctx.response.header('Cache-Control', 'no-store')
    return ctx.response.created({ data: { ...transformSubscription(subscription), secret } })
  }

  async index(ctx: HttpContext) {
    const filters = await validateQuery(
      ctx,
      subscriptionListValidator,
      Object.keys(subscriptionListFields)
    )
    const query = Subscription.query()
      .where('userId', ctx.auth.user!.id)
      .preload('grant')
      .orderBy('id', 'desc')
    if (filters.status) query.where('status', filters.status)
    else query.whereNot('status', 'deleted')
    const page = await query.paginate(filters.page ?? 1, filters.perPage ?? 20)
    return { data: page.all().map(transformSubscription), meta: paginationMeta(page) }
  }

  async show(ctx: HttpContext) {
    return { data: transformSubscription(await this.mine(ctx)) }
  }

  async pause(ctx: HttpContext) {
    const subscription = await new ManageSubscriptions().pause(
      await this.mine(ctx),
      actorFromContext(ctx)
    )
    return { data: transformSubscription(subscription) }
  }

  async resume(ctx: HttpContext) {
    const subscription = await new ManageSubscriptions().resume(
      await this.mine(ctx),
      actorFromContext(ctx)
    )
    return { data: transformSubscription(subscription) }
  }

  async destroy(ctx: HttpContext) {
    await new ManageSubscriptions().remove(await this.mine(ctx), actorFromContext(ctx))
    return ctx.response.noContent()
  }

  async rotate(ctx: HttpContext) {
    const { subscription, secret } = await new ManageSubscriptions().rotate(
      await this.mine(ctx),
      actorFromContext(ctx)
    )
    ctx.response.header('Cache-Control', 'no-store')
    return { data: { ...transformSubscription(subscription), secret } }
  }

  /** The delivery log, newest attempt first (the page's "recent deliveries" drawer). */
  async deliveries(ctx: HttpContext) {
    const subscription = await this.mine(ctx)
    const filters = await validateQuery(ctx, deliveryListValidator, Object.keys(deliveryListFields))
    const page = await db
      .from('subscription_deliveries')
      .where('subscription_id', subscription.id)
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 20)
    return { data: page.all().map(transformDelivery), meta: paginationMeta(page) }
  }

  private async mine(ctx: HttpContext) {
    const subscription = await Subscription.query()
      .where('id', routeId(ctx))
      .where('userId', ctx.auth.user!.id)
      .whereNot('status', 'deleted')
      .preload('grant')
      .first()
    if (!subscription) throw new SubscriptionNotFoundException(ctx.params.id)
    return subscription
  }
}
