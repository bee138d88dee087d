import AppException from '#exceptions/app_exception'

/** No queued e-mail with this id, or (for a retry) one that has not failed. */
export default class MailNotFoundException extends AppException {
  constructor(id: string) {
    super('E_MAIL_NOT_FOUND', 404, { params: { id } })
  }
}
