import AppException from '#exceptions/app_exception'

/** No open data product has this code (or it is no longer open). */
export default class ProductNotFoundException extends AppException {
  constructor(code: string) {
    super('E_NOT_FOUND', 404, {
      details: [{ field: 'code', rule: 'product', value: code.slice(0, 64) }],
    })
  }
}
