import AppException from '#exceptions/app_exception'

/** A second override for a date that has one: change it (PUT) instead. */
export class CalendarOverrideExistsException extends AppException {
  constructor(date: string) {
    super('E_CALENDAR_OVERRIDE_EXISTS', 409, { params: { date } })
  }
}

export class CalendarOverrideNotFoundException extends AppException {
  constructor(date: string) {
    super('E_CALENDAR_OVERRIDE_NOT_FOUND', 404, { params: { date } })
  }
}
