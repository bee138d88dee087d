import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import ProcessAdminPolicy from '#policies/process_admin_policy'
import RetryMail from '#actions/process_admin/retry_mail'
import { actorFromContext } from '#services/audit/audit_log'
import { routeId, validateQuery } from '#validators/strict'
import { mailListFields, mailListValidator } from '#validators/mail_outbox'
import { transformMail } from '#transformers/mail_outbox_transformer'

/** 邮件发送队列: process admins see mails that keep failing and send them again (SECURITY.md fault 7). */
export default class MailOutboxController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ProcessAdminPolicy).authorize('manage')
    const filters = await validateQuery(ctx, mailListValidator, Object.keys(mailListFields))
    const perPage = filters.perPage ?? 20
    const currentPage = filters.page ?? 1
    const query = db
      .from('mail_outbox')
      .if(filters.status, (q) => q.where('status', filters.status!))
    const [{ total }] = await query.clone().count('* as total')
    const rows = await query
      .orderBy('id', 'desc')
      .offset((currentPage - 1) * perPage)
      .limit(perPage)
    return {
      data: rows.map(transformMail),
      meta: {
        total: Number(total),
        perPage,
        currentPage,
        lastPage: Math.max(1, Math.ceil(Number(total) / perPage)),
      },
    }
  }

  async retry(ctx: HttpContext) {
    await ctx.bouncer.with(ProcessAdminPolicy).authorize('manage')
    await new RetryMail().handle(routeId(ctx), actorFromContext(ctx))
    return ctx.response.noContent()
  }
}
