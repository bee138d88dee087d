import AppException from '#exceptions/app_exception'

/** A business-rule violation on one field (duplicate username, unknown organisation…), as a 422. */
export default class FieldConflictException extends AppException {
  constructor(field: string, rule: string, message: string) {
    super('E_VALIDATION', 422, { details: [{ field, rule, message }] })
  }
}
