import type { HttpContext } from '@adonisjs/core/http'
import Grant from '#models/grant'
import GrantPolicy from '#policies/grant_policy'
import { activeGrant, type Access } from '#services/delivery/grant_access'
import { redactQuery } from '#services/delivery/api_key_secret'
import {
  recordRefusal,
  recordUsage,
  startUsage,
  type UsageEntry,
} from '#services/delivery/usage_log'
import { GrantNotFoundException } from '#exceptions/delivery_exceptions'

/*
 * What both visual-query endpoints share: the logged-in holder's own grant, checked like the
 * data API's (status per call against the clock, dataset, `visual_query` mode), and one usage
 * row per call — refused ones included — with rows = rows aggregated or features returned.
 */
export interface VisualCall {
  usage: UsageEntry
  /** The grant named by `grantId`, once it is known to be the caller's, active and in mode. */
  access(grantId: number, datasetCode: string): Promise<Access>
}

export async function visualCall<T>(
  ctx: HttpContext,
  datasetCode: string,
  run: (call: VisualCall) => Promise<T>
): Promise<T> {
  const started = performance.now()
  const user = ctx.auth.user!
  const usage: UsageEntry = {
    ...startUsage(ctx, 'visual_query', datasetCode),
    userId: user.id,
    organisationId: user.organisationId ?? null,
    format: 'json',
    filter: redactQuery(ctx.request.qs()),
  }
  const access = async (grantId: number, code: string) => {
    const grant = await Grant.query().where('id', grantId).preload('datasets').first()
    if (!grant || !(await ctx.bouncer.with(GrantPolicy).allows('use', grant)))
      throw new GrantNotFoundException(grantId)
    const granted = activeGrant([grant], code, 'visual_query')
    Object.assign(usage, { grantId: grant.id, purpose: grant.purpose })
    return granted
  }
  try {
    const result = await run({ usage, access })
    await recordUsage({ ...usage, durationMs: performance.now() - started })
    return result
  } catch (error) {
    await recordRefusal(ctx, { ...usage, rows: 0 }, error, started)
    throw error
  }
}
