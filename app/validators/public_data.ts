import vine from '@vinejs/vine'

const listFields = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
}
export const LIST_PRODUCT_FIELDS = Object.keys(listFields)
export const listProductsValidator = vine.create(vine.object(listFields))
