import AppException from '#exceptions/app_exception'

/** Mass-assignment guard: fields outside a validator's allow-list are refused, not ignored. */
export default class UnknownFieldsException extends AppException {
  constructor(fields: string[]) {
    super('E_UNKNOWN_FIELDS', 422, {
      params: { fields: fields.join(', ') },
      details: fields.map((field) => ({ field, rule: 'unknownField' })),
    })
  }
}
