import AppException from '#exceptions/app_exception'

/** 催办 at most once per interval per person and request; the handler sends Retry-After. */
export default class UrgeTooSoonException extends AppException {
  constructor(
    code: string,
    readonly retryAfterSeconds: number
  ) {
    super('E_URGE_TOO_SOON', 429, {
      params: { code, minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
    })
  }
}
