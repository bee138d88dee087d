import vine from '@vinejs/vine'

/*
 * The inbox tabs' filters and the bodies of the reviewer operations (APPROVALS.md §4).
 * Every operation on a task carries the version the reviewer saw: a changed task answers 409.
 */
const version = vine.number().withoutDecimals().min(0)
const opinion = vine.string().trim().maxLength(2000).nullable().optional()
const userId = vine.number().withoutDecimals().min(1)

const tabFields = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
  processKey: vine.string().trim().maxLength(64).optional(),
  dataset: vine.string().trim().maxLength(64).optional(),
  applicantOrg: vine.string().trim().maxLength(64).optional(),
  overdue: vine.boolean().optional(),
  from: vine.date({ formats: ['YYYY-MM-DD', 'iso8601'] }).optional(),
  to: vine.date({ formats: ['YYYY-MM-DD', 'iso8601'] }).optional(),
}
export const TAB_FIELDS = Object.keys(tabFields)
export const tabValidator = vine.create(vine.object(tabFields))

const decisionFields = {
  action: vine.enum(['approve', 'reject', 'return'] as const),
  opinion,
  approvedCodes: vine.array(vine.string().trim().maxLength(64)).distinct().optional(),
  formChanges: vine
    .object({
      validUntil: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
      fields: vine.array(vine.string().trim().maxLength(64)).maxLength(200).distinct().optional(),
    })
    .optional(),
  version,
}
export const DECISION_FIELDS = Object.keys(decisionFields)
export const decisionValidator = vine.create(vine.object(decisionFields))

const handOverFields = { userId, opinion, version }
export const HAND_OVER_FIELDS = Object.keys(handOverFields)
export const handOverValidator = vine.create(vine.object(handOverFields))

const resolveFields = { opinion, version }
export const RESOLVE_FIELDS = Object.keys(resolveFields)
export const resolveValidator = vine.create(vine.object(resolveFields))

const addSignoffFields = {
  userIds: vine.array(userId).minLength(1).maxLength(10).distinct(),
  position: vine.enum(['before', 'after'] as const),
  opinion,
  version,
}
export const ADD_SIGNOFF_FIELDS = Object.keys(addSignoffFields)
export const addSignoffValidator = vine.create(vine.object(addSignoffFields))

const signoffDecisionFields = {
  action: vine.enum(['approve', 'reject'] as const),
  opinion,
  version,
}
export const SIGNOFF_DECISION_FIELDS = Object.keys(signoffDecisionFields)
export const signoffDecisionValidator = vine.create(vine.object(signoffDecisionFields))

const ccFields = {
  userIds: vine.array(userId).minLength(1).maxLength(20).distinct(),
  note: vine.string().trim().maxLength(500).nullable().optional(),
}
export const CC_FIELDS = Object.keys(ccFields)
export const ccValidator = vine.create(vine.object(ccFields))

/** 提交表单: the values of the step's form key, checked against forms/<key>.json in the action. */
const submitFields = {
  values: vine.record(vine.any()),
  version: vine.number().withoutDecimals().min(0),
}
export const SUBMIT_FORM_FIELDS = Object.keys(submitFields)
export const submitFormValidator = vine.create(vine.object(submitFields))

const peopleFields = {
  q: vine.string().trim().maxLength(64).optional(),
  reviewers: vine.boolean().optional(),
}
export const PEOPLE_FIELDS = Object.keys(peopleFields)
export const peopleValidator = vine.create(vine.object(peopleFields))
