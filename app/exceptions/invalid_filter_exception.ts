import AppException from '#exceptions/app_exception'

export interface FilterProblem {
  field: string
  rule: string
}

/** A records filter names a known field but its value or operator is not acceptable. */
export default class InvalidFilterException extends AppException {
  constructor(problems: FilterProblem[]) {
    super('E_VALIDATION', 422, { details: problems })
  }
}
