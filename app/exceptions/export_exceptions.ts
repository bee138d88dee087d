import AppException from '#exceptions/app_exception'

/*
 * File export errors. Someone else's export answers 404 like a missing one, so ids cannot be
 * probed; a link that was altered is 401, one that ran out (or whose file is gone) is 410.
 */
export class ExportNotFoundException extends AppException {
  constructor(id: string | number) {
    super('E_EXPORT_NOT_FOUND', 404, { params: { id } })
  }
}

export class ExportStateException extends AppException {
  constructor(id: number, status: string) {
    super('E_EXPORT_STATE', 409, { params: { id, status } })
  }
}

export class ExportLinkException extends AppException {
  constructor(code: 'E_EXPORT_LINK_INVALID' | 'E_EXPORT_LINK_EXPIRED' | 'E_EXPORT_GONE') {
    super(code, code === 'E_EXPORT_LINK_INVALID' ? 401 : 410)
  }
}

/** Too many queued or running exports of one user; Retry-After says when to look again. */
export class TooManyExportsException extends AppException {
  constructor(
    public retryAfterSeconds: number,
    limit: number
  ) {
    super('E_EXPORT_TOO_MANY', 429, { params: { limit } })
  }
}

/**
 * Why a running job stopped for good (no retry): a cap, the quota, or the grant. Stored as the
 * job's error code; transient faults (database, disk) are retried instead.
 */
export class ExportFailure extends Error {
  constructor(
    public code: string,
    message: string
  ) {
    super(message)
  }
}
