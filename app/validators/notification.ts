import vine from '@vinejs/vine'

export const notificationListFields = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
  unread: vine.boolean().optional(),
}
export const notificationListValidator = vine.create(vine.object(notificationListFields))
