import AppException from '#exceptions/app_exception'

/** One message for unknown user, wrong password, locked or disabled: no account enumeration. */
export default class InvalidCredentialsException extends AppException {
  constructor() {
    super('E_INVALID_CREDENTIALS', 401)
  }
}
