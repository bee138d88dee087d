import {
  defineTopic,
  requireArray,
  requireString,
  workingDaysFromNow,
} from '#workflow/tasks/topic_helpers'

export interface RequestedDataset {
  code: string
  /** unconditional 无条件共享 | conditional 有条件共享 | none 不予共享 */
  sharingAttribute: 'unconditional' | 'conditional' | 'none'
  grade: 'general' | 'important' | 'core'
  secret?: boolean
  unpublished?: boolean
  ownerOrg: string
  legalBasis?: string
}

const GRADE_RANK = { general: 0, important: 1, core: 2 } as const

/*
 * Label-driven routing (APPROVALS.md §1): turns the requested datasets' labels, provided by the
 * submit step as process variables, into the short variables the gateways test.
 * A 不予共享 dataset is a business refusal: a BPMN error the model catches, not a retry.
 */
export default defineTopic({
  topic: 'request.compliance_check',
  lockDurationMs: 30_000,
  retries: 3,
  backoff: { baseMs: 5_000, maxMs: 60_000 },
  async handler(task) {
    const datasets = requireArray<RequestedDataset>(task.variables.datasets, 'datasets')
    if (!datasets.length) throw new TypeError('the request names no dataset')
    const applicantOrg = requireString(task.variables.applicantOrg, 'applicantOrg')
    const refused = datasets.filter((d) => d.sharingAttribute === 'none')
    if (refused.length) {
      return {
        bpmnError: 'SHARING_REFUSED',
        variables: {
          refusedDatasets: refused.map((d) => d.code),
          rejectionReason: refused
            .map((d) => `${d.code}: ${d.legalBasis ?? '不予共享'}`)
            .join('; '),
        },
      }
    }
    const maxGrade = datasets.reduce(
      (max, d) => (GRADE_RANK[d.grade] > GRADE_RANK[max] ? d.grade : max),
      'general' as RequestedDataset['grade']
    )
    const autoApprove = datasets.every(
      (d) => d.sharingAttribute === 'unconditional' && d.grade === 'general' && !d.secret
    )
    const owners = [...new Set(datasets.map((d) => d.ownerOrg))].sort()
    return {
      variables: {
        autoApprove,
        maxGrade,
        needsDeptReview: !autoApprove && task.variables.applicantInternal === true,
        needsSecurityReview: maxGrade !== 'general' || datasets.some((d) => d.secret === true),
        deptHeadGroup: `org:${applicantOrg}:head`,
        ownerReviews: owners.map((org) => ({
          org,
          group: `org:${org}:owner_reviewer`,
          datasets: datasets.filter((d) => d.ownerOrg === org).map((d) => d.code),
        })),
        ownerReviewDue: await workingDaysFromNow(datasets.some((d) => d.unpublished) ? 10 : 5),
        approvedDatasets: autoApprove ? datasets.map((d) => d.code) : [],
      },
    }
  },
})
