import axios, { AxiosError } from 'axios'
import { currentLocale, i18n } from '@/locales'
import type { ErrorBody, FieldError } from './types'

/** Every failed request surfaces as this, whatever went wrong underneath. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
    /** From Retry-After on a 429, in seconds. */
    readonly retryAfter: number | null = null
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** Field → first message; `roles.0` is reported on `roles`, where the form shows it. */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {}
    for (const detail of this.details) {
      const field = detail.field.split('.')[0]
      result[field] ??= detail.message
    }
    return result
  }
}

export const http = axios.create({
  baseURL: '/api/v1',
  withCredentials: true,
  xsrfCookieName: 'XSRF-TOKEN',
  xsrfHeaderName: 'X-XSRF-TOKEN',
  headers: { Accept: 'application/json' },
  timeout: 30_000,
})

let onUnauthorized: () => void = () => {}

/** Set by main.ts so that this module does not import the router (which imports the API). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler
}

http.interceptors.request.use((config) => {
  // The server localises validation and error messages from this header.
  config.headers.set('Accept-Language', currentLocale())
  return config
})

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as ErrorBody | null)?.error
  return typeof error?.code === 'string' && typeof error.message === 'string'
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  if (!(error instanceof AxiosError)) {
    return new ApiError(0, 'E_UNKNOWN', i18n.global.t('errors.unknown'))
  }
  const response = error.response
  if (!response) return new ApiError(0, 'E_NETWORK', i18n.global.t('errors.network'))
  if (isErrorBody(response.data)) {
    const { code, message, details } = response.data.error
    const retryAfter = Number(response.headers['retry-after']) || null
    return new ApiError(response.status, code, message, details ?? [], retryAfter)
  }
  return new ApiError(response.status, `E_HTTP_${response.status}`, i18n.global.t('errors.server'))
}

http.interceptors.response.use(undefined, (error: unknown) => {
  const apiError = toApiError(error)
  const skip = error instanceof AxiosError && error.config?.skipAuthRedirect
  if (apiError.status === 401 && !skip) onUnauthorized()
  return Promise.reject(apiError)
})

/** Drops empty filters so that the query string only says what the user chose. */
export function compactParams<T extends object>(params: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(params).filter(
      ([, value]) => value !== undefined && value !== null && value !== ''
    )
  ) as Partial<T>
}
