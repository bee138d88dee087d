import { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import AuditPolicy from '#policies/audit_policy'
import { validateQuery } from '#validators/strict'
import { AUDIT_FILTER_FIELDS, auditFilterValidator } from '#validators/audit'
import { auditQuery, csvHeader, csvRow } from '#services/audit/audit_query'
import { transformAuditEvent } from '#transformers/audit_event_transformer'
import { verifyAuditChain } from '#services/audit/verify_chain'
import { actorFromContext, recordAudit } from '#services/audit/audit_log'

const EXPORT_BATCH = 1000

export default class AuditEventsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(AuditPolicy).authorize('read')
    const filters = await validateQuery(ctx, auditFilterValidator, AUDIT_FILTER_FIELDS)
    const page = await auditQuery(filters)
      .orderBy('seq', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 50)
    return {
      data: page.all().map(transformAuditEvent),
      meta: {
        total: page.total,
        perPage: page.perPage,
        currentPage: page.currentPage,
        lastPage: page.lastPage,
      },
    }
  }

  /** Streams the filtered trail as CSV in keyset batches, so memory stays flat. */
  async export(ctx: HttpContext) {
    await ctx.bouncer.with(AuditPolicy).authorize('read')
    const filters = await validateQuery(ctx, auditFilterValidator, AUDIT_FILTER_FIELDS)
    await recordAudit(actorFromContext(ctx), {
      action: 'audit.export',
      result: 'success',
      details: { filters: ctx.request.qs() },
    })

    async function* lines() {
      yield '\uFEFF' + csvHeader()
      let after = 0
      for (;;) {
        const rows = await auditQuery(filters)
          .where('seq', '>', after)
          .orderBy('seq', 'asc')
          .limit(EXPORT_BATCH)
        for (const row of rows) yield csvRow(row)
        if (rows.length < EXPORT_BATCH) return
        after = Number(rows[rows.length - 1].seq)
      }
    }
    ctx.response.header('Content-Type', 'text/csv; charset=utf-8')
    ctx.response.header('Content-Disposition', 'attachment; filename="audit-events.csv"')
    ctx.response.stream(Readable.from(lines()))
  }

  async verify(ctx: HttpContext) {
    await ctx.bouncer.with(AuditPolicy).authorize('read')
    const report = await verifyAuditChain()
    return { data: report }
  }
}
