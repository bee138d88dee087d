import vine from '@vinejs/vine'

/** A BPMN file is a few hundred KB at most; larger bodies are refused before parsing. */
const MAX_XML_CHARS = 2_000_000

export const deployFields = {
  name: vine.string().trim().minLength(1).maxLength(120).optional(),
  xml: vine.string().minLength(1).maxLength(MAX_XML_CHARS),
}
export const deployValidator = vine.create(vine.object(deployFields))

export const retryFields = {
  retries: vine.number().withoutDecimals().range([1, 10]).optional(),
  // An admin may fix the data the failing topic needs before it runs again.
  variables: vine.record(vine.any()).optional(),
}
export const retryValidator = vine.create(vine.object(retryFields))

export const listFields = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
}
export const listValidator = vine.create(vine.object(listFields))

export const incidentListFields = {
  ...listFields,
  instanceId: vine.string().trim().maxLength(64).optional(),
}
export const incidentListValidator = vine.create(vine.object(incidentListFields))
