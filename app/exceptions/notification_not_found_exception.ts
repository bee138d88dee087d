import AppException from '#exceptions/app_exception'

/** Missing, or another user's: both answer 404. */
export default class NotificationNotFoundException extends AppException {
  constructor(id: string) {
    super('E_NOTIFICATION_NOT_FOUND', 404, { params: { id } })
  }
}
