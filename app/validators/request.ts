import vine from '@vinejs/vine'

/*
 * Mirrors forms/request_form.json (the Formily schema the applicant fills in); the catalog
 * checks (datasets exist, 不予共享 refused, fields belong to the datasets) run in the action.
 */
const text = (max: number) => vine.string().trim().minLength(1).maxLength(max)
const codes = vine
  .array(
    vine
      .string()
      .trim()
      .regex(/^[\w.:-]{1,64}$/)
  )
  .maxLength(200)
  .distinct()
const isoDate = vine.date({ formats: ['YYYY-MM-DD'] })

/** The structured row scope of the request form; the codes are checked against the city in the action. */
export const rowScopeObject = vine
  .object({
    districts: codes.clone().optional(),
    stations: codes.clone().optional(),
    sections: codes.clone().optional(),
    enterprises: codes.clone().optional(),
    from: isoDate.clone().optional(),
    to: isoDate.clone().optional(),
    note: vine.string().trim().maxLength(2000).optional(),
  })
  // Kept so checkRowScope can refuse them by name instead of dropping them silently.
  .allowUnknownProperties()

const formFields = {
  datasets: vine.array(vine.string().trim().maxLength(64)).minLength(1).maxLength(20).distinct(),
  fields: vine.array(vine.string().trim().maxLength(64)).maxLength(200).distinct().optional(),
  // Prose as before, or the structured scope the form's editor sends.
  rowScope: vine
    .unionOfTypes([vine.string().trim().maxLength(2000), rowScopeObject])
    .nullable()
    .optional(),
  purpose: text(2000),
  scenario: text(2000),
  legalBasis: text(2000),
  validUntil: vine.date({ formats: ['YYYY-MM-DD'] }),
  deliveryModes: vine
    .array(vine.enum(['api', 'export', 'visual_query', 'subscription'] as const))
    .minLength(1)
    .distinct(),
  contact: text(64),
  appealJustification: vine.string().trim().maxLength(2000).nullable().optional(),
}

const submitFields = {
  ...formFields,
  /** 续期 / 变更范围: the caller's grant this request renews or changes. */
  previousGrantId: vine.number().withoutDecimals().min(1).optional(),
}
export const REQUEST_FORM_FIELDS = Object.keys(submitFields)
export const submitRequestValidator = vine.create(vine.object(submitFields))

const listFields = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
  status: vine
    .enum([
      'submitted',
      'in_review',
      'returned',
      'approved',
      'partially_approved',
      'rejected',
      'withdrawn',
      'cancelled',
    ] as const)
    .optional(),
}
export const LIST_REQUEST_FIELDS = Object.keys(listFields)
export const listRequestsValidator = vine.create(vine.object(listFields))

const reasonFields = { reason: vine.string().trim().minLength(1).maxLength(500) }
export const REASON_FIELDS = Object.keys(reasonFields)
export const reasonValidator = vine.create(vine.object(reasonFields))

const amendFields = { ...formFields, version: vine.number().withoutDecimals().min(0) }
export const AMEND_FIELDS = Object.keys(amendFields)
export const amendRequestValidator = vine.create(vine.object(amendFields))

const urgeFields = { note: vine.string().trim().maxLength(500).nullable().optional() }
export const URGE_FIELDS = Object.keys(urgeFields)
export const urgeValidator = vine.create(vine.object(urgeFields))
