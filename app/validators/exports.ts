import vine from '@vinejs/vine'
import { EXPORT_FORMATS, EXPORT_STATUSES } from '#models/export_job'
import { grantedSelectionFields, paging } from '#validators/delivery'

export const createExportFields = {
  ...grantedSelectionFields,
  format: vine.enum(EXPORT_FORMATS),
  bom: vine.boolean().optional(),
}
export const createExportValidator = vine.create(vine.object(createExportFields))

export const exportListFields = {
  ...paging,
  status: vine.enum(EXPORT_STATUSES).optional(),
  // Every user's exports: system admin and security officer (failed jobs to retry).
  all: vine.boolean().optional(),
}
export const exportListValidator = vine.create(vine.object(exportListFields))

/** Sent by clients so a double-submitted POST returns the first job instead of a second one. */
export const idempotencyKeyPattern = /^[A-Za-z0-9_.:-]{8,100}$/
