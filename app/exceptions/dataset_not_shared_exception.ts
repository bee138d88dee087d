import AppException from '#exceptions/app_exception'

/** 不予共享: refused at submission, quoting each dataset's stated legal basis (DOMAIN.md §3). */
export default class DatasetNotSharedException extends AppException {
  constructor(refused: { code: string; legalBasis: string | null }[]) {
    super('E_DATASET_NOT_SHARED', 422, {
      params: { codes: refused.map((r) => r.code).join(', ') },
      details: refused.map((r) => ({
        field: 'datasets',
        rule: 'notShared',
        code: r.code,
        legalBasis: r.legalBasis,
      })),
    })
  }
}
