import { defineTopic, requireArray } from '#workflow/tasks/topic_helpers'
import type { RequestedDataset } from './request_compliance_check.js'

/*
 * Partial grants: each owner organisation decides its own part in parallel; the latest decision
 * of each owner (from the timeline, engine-neutral) selects the datasets the grant may cover.
 */
export default defineTopic({
  topic: 'request.tally_reviews',
  lockDurationMs: 30_000,
  retries: 3,
  backoff: { baseMs: 5_000, maxMs: 60_000 },
  async handler(task, context) {
    const datasets = requireArray<RequestedDataset>(task.variables.datasets, 'datasets')
    const decisions = new Map<string, { approved: boolean; codes: string[] | null }>()
    for (const event of await context.history()) {
      if (event.type !== 'task_completed' || event.activityId !== 'owner_review') continue
      const data = event.data as { variables?: any; local?: any }
      const org = data.local?.ownerReview?.org
      if (typeof org !== 'string') continue
      const codes = Array.isArray(data.variables?.approvedCodes)
        ? data.variables.approvedCodes.map(String)
        : null
      decisions.set(org, { approved: data.variables?.approved === true, codes })
    }
    const approvedDatasets = datasets
      .filter((d) => {
        const decision = decisions.get(d.ownerOrg)
        return (
          decision?.approved === true &&
          (decision.codes === null || decision.codes.includes(d.code))
        )
      })
      .map((d) => d.code)
    return {
      variables: {
        approvedDatasets,
        anyApproved: approvedDatasets.length > 0,
        partialGrant: approvedDatasets.length > 0 && approvedDatasets.length < datasets.length,
      },
    }
  },
})
