import vine from '@vinejs/vine'

const filterFields = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
  action: vine.string().trim().maxLength(64).optional(),
  actor: vine.string().trim().maxLength(64).optional(),
  result: vine.enum(['success', 'failure', 'denied'] as const).optional(),
  objectType: vine.string().trim().maxLength(64).optional(),
  objectId: vine.string().trim().maxLength(64).optional(),
  from: vine.date({ formats: { utc: true } }).optional(),
  to: vine.date({ formats: { utc: true } }).optional(),
}

export const AUDIT_FILTER_FIELDS = Object.keys(filterFields)
export const auditFilterValidator = vine.create(vine.object(filterFields))
