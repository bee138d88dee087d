import AppException from '#exceptions/app_exception'

export default class SessionExpiredException extends AppException {
  constructor() {
    super('E_SESSION_EXPIRED', 401)
  }
}
