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
import { findDataset } from '#services/delivery/published_dataset'
import type { StoreDataset } from '#services/stores/store_definition'
import { pickParams } from '#services/visual/visual_query'
import { GrantNotFoundException } from '#exceptions/delivery_exceptions'

/*
 * What both visual-query endpoints share: the logged-in holder's own grant, checked like the
 * data API's (status per call against the clock, dataset, `visual_query` mode), and one usage
 * row per call — refused ones included — with rows = rows aggregated or features returned.
 */
interface ParamsValidator<P> {
  validate(data: unknown, options: { messagesProvider: any }): Promise<P>
}

export interface VisualCall {
  usage: UsageEntry
  /**
   * The endpoint's own parameters (only `controls`, validated), the published dataset, and the
   * grant named by `grantId` once it is known to be the caller's, active and in mode.
   */
  open<P extends { grantId: number }>(
    validator: ParamsValidator<P>,
    controls: string[]
  ): Promise<{ qs: Record<string, any>; params: P; dataset: StoreDataset; access: Access }>
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
  const open: VisualCall['open'] = async (validator, controls) => {
    const qs = ctx.request.qs()
    const params = await validator.validate(pickParams(qs, controls), {
      messagesProvider: ctx.i18n.createMessagesProvider(),
    })
    const dataset = await findDataset(datasetCode)
    usage.datasetCode = dataset.code
    const grant = await Grant.query().where('id', params.grantId).preload('datasets').first()
    if (!grant || !(await ctx.bouncer.with(GrantPolicy).allows('use', grant)))
      throw new GrantNotFoundException(params.grantId)
    const access = activeGrant([grant], dataset.code, 'visual_query')
    Object.assign(usage, {
      grantId: grant.id,
      purpose: grant.purpose,
      organisationId: grant.applicantOrgId,
    })
    return { qs, params, dataset, access }
  }
  try {
    const result = await run({ usage, open })
    await recordUsage({ ...usage, durationMs: performance.now() - started })
    return result
  } catch (error) {
    await recordRefusal(ctx, { ...usage, rows: 0 }, error, started)
    throw error
  }
}
