import vine from '@vinejs/vine'

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const

export const mailListFields = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
  status: vine.enum(MAIL_STATUSES).optional(),
}
export const mailListValidator = vine.create(vine.object(mailListFields))
