import vine from '@vinejs/vine'

export const paging = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
}

export const grantListFields = {
  ...paging,
  view: vine.enum(['mine', 'owned', 'all'] as const).optional(),
  status: vine.enum(['active', 'suspended', 'revoked', 'expired'] as const).optional(),
}
export const grantListValidator = vine.create(vine.object(grantListFields))

export const grantReasonFields = { reason: vine.string().trim().minLength(1).maxLength(500) }
export const grantReasonValidator = vine.create(vine.object(grantReasonFields))

export const issueKeyFields = {
  name: vine.string().trim().minLength(1).maxLength(100),
  grantIds: vine
    .array(vine.number().withoutDecimals().min(1))
    .minLength(1)
    .maxLength(50)
    .distinct(),
  expiresInDays: vine.number().withoutDecimals().range([1, 366]).optional(),
}
export const issueKeyValidator = vine.create(vine.object(issueKeyFields))

export const keyListFields = paging
export const keyListValidator = vine.create(vine.object(keyListFields))

const usageFilters = {
  grantId: vine.number().withoutDecimals().min(1).optional(),
  datasetCode: vine.string().trim().maxLength(64).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
}

export const usageListFields = {
  ...paging,
  ...usageFilters,
  result: vine.enum(['success', 'denied', 'error', 'aborted'] as const).optional(),
}
export const usageListValidator = vine.create(vine.object(usageListFields))

export const usageStatsFields = {
  ...usageFilters,
  period: vine.enum(['day', 'month', 'year'] as const).optional(),
  by: vine.enum(['dataset', 'consumer', 'mode'] as const).optional(),
}
export const usageStatsValidator = vine.create(vine.object(usageStatsFields))

/** Owners and the security officer tune a grant's quota within the platform defaults. */
export const grantQuotaFields = {
  rowsPerDay: vine.number().withoutDecimals().min(1).optional(),
  callsPerMinute: vine.number().withoutDecimals().min(1).optional(),
  reason: vine.string().trim().minLength(1).maxLength(500),
}
export const grantQuotaValidator = vine.create(vine.object(grantQuotaFields))
/**
 * A selection from one granted dataset, as exports and subscriptions take it: the filters are
 * the data API's query language as an object, parsed and checked against the schema and grant.
 */
export const grantedSelectionFields = {
  grantId: vine.number().withoutDecimals().min(1),
  datasetCode: vine
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,64}$/),
  fields: vine
    .array(vine.string().trim().maxLength(64))
    .minLength(1)
    .maxLength(200)
    .distinct()
    .optional(),
  filters: vine.record(vine.any()).optional(),
}

export const subscribeFields = {
  ...grantedSelectionFields,
  url: vine.string().trim().maxLength(2048),
}
export const subscribeValidator = vine.create(vine.object(subscribeFields))

export const subscriptionListFields = {
  ...paging,
  status: vine.enum(['active', 'paused'] as const).optional(),
}
export const subscriptionListValidator = vine.create(vine.object(subscriptionListFields))
export const deliveryListFields = paging
export const deliveryListValidator = vine.create(vine.object(deliveryListFields))
