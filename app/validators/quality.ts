import vine from '@vinejs/vine'

const openFields = {
  datasetCode: vine.string().trim().minLength(1).maxLength(64),
  rule: vine.string().trim().minLength(1).maxLength(128),
  description: vine.string().trim().minLength(1).maxLength(4000),
  targetScore: vine.number().range([0, 100]),
  roundWorkingDays: vine.number().withoutDecimals().range([1, 30]).optional(),
}
export const OPEN_CASE_FIELDS = Object.keys(openFields)
export const openCaseValidator = vine.create(vine.object(openFields))

const listFields = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
  status: vine.enum(['opened', 'rectifying', 'verifying', 'closed'] as const).optional(),
  dataset: vine.string().trim().maxLength(64).optional(),
}
export const LIST_CASE_FIELDS = Object.keys(listFields)
export const listCasesValidator = vine.create(vine.object(listFields))
