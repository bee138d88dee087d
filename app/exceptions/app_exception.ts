import { Exception } from '@adonisjs/core/exceptions'

/*
 * Base for our own errors: a stable code (also the i18n key in app/locales/<lang>/errors.json),
 * an HTTP status, message parameters and optional per-field details.
 */
export default class AppException extends Exception {
  declare params: Record<string, string | number>
  declare details: unknown

  constructor(
    code: string,
    status: number,
    options: { params?: Record<string, string | number>; details?: unknown; message?: string } = {}
  ) {
    super(options.message ?? code, { code, status })
    this.params = options.params ?? {}
    this.details = options.details
  }
}
