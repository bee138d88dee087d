import type { HttpContext } from '@adonisjs/core/http'
import Notification from '#models/notification'
import clock from '#services/clock'
import { sqlNow } from '#services/notifications/notifier'
import { validateQuery } from '#validators/strict'
import { notificationListFields, notificationListValidator } from '#validators/notification'
import { paginationMeta } from '#transformers/pagination'
import { transformNotification } from '#transformers/notification_transformer'
import NotificationNotFoundException from '#exceptions/notification_not_found_exception'

/*
 * 站内消息. Every query is scoped to the signed-in user; someone else's id answers 404, like a
 * missing one, so ids cannot be probed.
 */
export default class NotificationsController {
  async index(ctx: HttpContext) {
    const filters = await validateQuery(
      ctx,
      notificationListValidator,
      Object.keys(notificationListFields)
    )
    const page = await Notification.query()
      .where('userId', ctx.auth.user!.id)
      .if(filters.unread === true, (q) => q.whereNull('readAt'))
      .if(filters.unread === false, (q) => q.whereNotNull('readAt'))
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 20)
    return { data: page.all().map(transformNotification), meta: paginationMeta(page) }
  }

  async unreadCount(ctx: HttpContext) {
    const [row] = await Notification.query()
      .where('userId', ctx.auth.user!.id)
      .whereNull('readAt')
      .count('* as total')
    return { data: { unread: Number(row.$extras.total) } }
  }

  async read(ctx: HttpContext) {
    const id = Number(ctx.params.id)
    const notification = await Notification.query()
      .where('id', id)
      .where('userId', ctx.auth.user!.id)
      .first()
    if (!notification) throw new NotificationNotFoundException(String(ctx.params.id))
    if (!notification.readAt) {
      notification.readAt = clock.now()
      await notification.save()
    }
    return { data: transformNotification(notification) }
  }

  async readAll(ctx: HttpContext) {
    const updated = await Notification.query()
      .where('userId', ctx.auth.user!.id)
      .whereNull('readAt')
      .update({ read_at: sqlNow() })
    return { data: { marked: Number(Array.isArray(updated) ? updated[0] : updated) } }
  }
}
