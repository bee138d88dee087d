import vine from '@vinejs/vine'

/*
 * Mirrors forms/request_form.json (the Formily schema the applicant fills in); the catalog
 * checks (datasets exist, 不予共享 refused, fields belong to the datasets) run in the action.
 */
const text = (max: number) => vine.string().trim().minLength(1).maxLength(max)

const formFields = {
  datasets: vine.array(vine.string().trim().maxLength(64)).minLength(1).maxLength(20).distinct(),
  fields: vine.array(vine.string().trim().maxLength(64)).maxLength(200).distinct().optional(),
  rowScope: vine.string().trim().maxLength(2000).nullable().optional(),
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

export const REQUEST_FORM_FIELDS = Object.keys(formFields)
export const submitRequestValidator = vine.create(vine.object(formFields))

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
