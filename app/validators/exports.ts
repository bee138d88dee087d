import vine from '@vinejs/vine'
import { EXPORT_FORMATS, EXPORT_STATUSES } from '#models/export_job'

export const createExportFields = {
  grantId: vine.number().withoutDecimals().min(1),
  datasetCode: vine
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,64}$/),
  format: vine.enum(EXPORT_FORMATS),
  fields: vine
    .array(vine.string().trim().maxLength(64))
    .minLength(1)
    .maxLength(200)
    .distinct()
    .optional(),
  // The data API's query language as an object: {"pm25": {"gte": 75}, "from": "2026-01-01"}.
  filters: vine.record(vine.any()).optional(),
  bom: vine.boolean().optional(),
}
export const createExportValidator = vine.create(vine.object(createExportFields))

export const exportListFields = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
  status: vine.enum(EXPORT_STATUSES).optional(),
  // Every user's exports: system admin and security officer (failed jobs to retry).
  all: vine.boolean().optional(),
}
export const exportListValidator = vine.create(vine.object(exportListFields))

/** Sent by clients so a double-submitted POST returns the first job instead of a second one. */
export const idempotencyKeyPattern = /^[A-Za-z0-9_.:-]{8,100}$/
