import vine from '@vinejs/vine'

/** Years the admin may edit: the calendar ships data for these (APPROVALS.md §5). */
export const CALENDAR_YEARS = { min: 2025, max: 2030 } as const
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/

const note = vine.string().trim().maxLength(200).nullable().optional()

export const createOverrideFields = {
  date: vine.string().trim().regex(CALENDAR_DATE),
  workday: vine.boolean({ strict: true }),
  note,
}
export const createOverrideValidator = vine.create(vine.object(createOverrideFields))

export const updateOverrideFields = {
  workday: vine.boolean({ strict: true }),
  note,
}
export const updateOverrideValidator = vine.create(vine.object(updateOverrideFields))
