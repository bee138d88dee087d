import AppException from '#exceptions/app_exception'

/*
 * Delivery errors. Foreign grants and keys answer 404 like missing ones, so ids cannot be probed.
 */
export class GrantNotFoundException extends AppException {
  constructor(id: string | number) {
    super('E_GRANT_NOT_FOUND', 404, { params: { id } })
  }
}

export class ApiKeyNotFoundException extends AppException {
  constructor(id: string | number) {
    super('E_API_KEY_NOT_FOUND', 404, { params: { id } })
  }
}

export class GrantStateException extends AppException {
  constructor(id: number, status: string) {
    super('E_GRANT_STATE', 409, { params: { id, status } })
  }
}

/** No key, an unknown/expired/revoked key, or a key sent where it must not be. */
export class ApiKeyException extends AppException {
  constructor(code: 'E_API_KEY_MISSING' | 'E_API_KEY_INVALID' | 'E_API_KEY_IN_QUERY') {
    super(code, code === 'E_API_KEY_IN_QUERY' ? 400 : 401)
  }
}

/** The key is valid but its grants do not allow this call (dataset, fields, status). */
export class DeliveryDeniedException extends AppException {
  constructor(
    code:
      | 'E_DATASET_NOT_GRANTED'
      | 'E_FIELDS_NOT_GRANTED'
      | 'E_GRANT_EXPIRED'
      | 'E_GRANT_SUSPENDED'
      | 'E_GRANT_REVOKED'
      | 'E_MODE_NOT_GRANTED',
    params: Record<string, string | number> = {},
    details?: unknown
  ) {
    super(code, 403, { params, details })
  }
}

/** Daily row quota used up; Retry-After says when the next day starts. */
export class QuotaExceededException extends AppException {
  constructor(
    public retryAfterSeconds: number,
    limit: number
  ) {
    super('E_QUOTA_EXCEEDED', 429, { params: { limit } })
  }
}
