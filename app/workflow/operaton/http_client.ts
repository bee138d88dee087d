import axios, { type AxiosInstance } from 'axios'
import clock from '#services/clock'
import { WorkflowEngineUnavailableException } from '#workflow/port'

export interface OperatonConnection {
  /** e.g. http://127.0.0.1:8089/engine-rest */
  baseUrl: string
  user?: string
  password?: string
  /** Test only: move the engine clock with the app clock before each call. */
  clockSync?: boolean
  timeoutMs?: number
}

/** An error answer of the REST API: `type` is the engine's exception class (OptimisticLockingException, …). */
export class OperatonRestError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string
  ) {
    super(message)
  }
}

// One offset per engine URL for the whole process: adapters are recreated, the engine clock is not.
const pushedOffsets = new Map<string, number>()

/** The engine's clock was reset behind our back (test-state wipe): push the offset again on next use. */
export function forgetPushedClock(baseUrl: string) {
  pushedOffsets.delete(baseUrl)
}

/** JSON over HTTP to /engine-rest; every failure becomes OperatonRestError or WorkflowEngineUnavailableException. */
export class OperatonHttp {
  readonly http: AxiosInstance

  constructor(readonly connection: OperatonConnection) {
    this.http = axios.create({
      baseURL: connection.baseUrl.replace(/\/+$/, ''),
      timeout: connection.timeoutMs ?? 30_000,
      auth: connection.user
        ? { username: connection.user, password: connection.password ?? '' }
        : undefined,
      validateStatus: () => true,
    })
  }

  get<T = any>(path: string, params?: Record<string, unknown>) {
    return this.request<T>('GET', path, { params })
  }

  post<T = any>(path: string, data?: unknown, params?: Record<string, unknown>) {
    return this.request<T>('POST', path, { data: data ?? {}, params })
  }

  put<T = any>(path: string, data?: unknown) {
    return this.request<T>('PUT', path, { data: data ?? {} })
  }

  delete<T = any>(path: string, params?: Record<string, unknown>) {
    return this.request<T>('DELETE', path, { params })
  }

  async request<T>(
    method: string,
    path: string,
    options: { params?: Record<string, unknown>; data?: unknown } = {}
  ): Promise<T> {
    if (this.connection.clockSync) await this.syncClock()
    let response
    try {
      response = await this.http.request({ method, url: path, ...options })
    } catch (error) {
      throw new WorkflowEngineUnavailableException(
        `${method} ${path}: ${(error as Error).message}`,
        { cause: error }
      )
    }
    if (response.status >= 200 && response.status < 300) return response.data as T
    if (response.status === 502 || response.status === 503 || response.status === 504)
      throw new WorkflowEngineUnavailableException(`${method} ${path}: HTTP ${response.status}`)
    const body = response.data ?? {}
    throw new OperatonRestError(
      response.status,
      String(body.type ?? 'HttpError'),
      String(body.message ?? `${method} ${path}: HTTP ${response.status}`)
    )
  }

  /** PUT /ecoshare/clock on the engine (test builds only) when clock.travel() moved our clock. */
  private async syncClock() {
    const offsetMs = clock.offsetMs
    if (pushedOffsets.get(this.connection.baseUrl) === offsetMs) return
    const url = new URL('/ecoshare/clock', this.connection.baseUrl).toString()
    try {
      const response = await axios.put(url, { offsetMs }, { validateStatus: () => true })
      if (response.status !== 200)
        throw new Error(`HTTP ${response.status}: start the engine with OPERATON_CLOCK_API=true`)
    } catch (error) {
      throw new WorkflowEngineUnavailableException(`clock sync: ${(error as Error).message}`, {
        cause: error,
      })
    }
    pushedOffsets.set(this.connection.baseUrl, offsetMs)
  }
}

/** Operaton writes 2026-01-02T03:04:05.678+0000; Date wants a colon in the zone. */
export function isoDate(text: string | null | undefined): string | null {
  if (!text) return null
  return new Date(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')).toISOString()
}
