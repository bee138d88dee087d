import AppException from '#exceptions/app_exception'

/** The request is not in a state that allows this (withdraw after a reviewer acted, cancel a finished one…). */
export default class RequestStateException extends AppException {
  constructor(code: string, status: string) {
    super('E_REQUEST_STATE', 409, { params: { code, status } })
  }
}
