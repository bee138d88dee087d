import { recordSideEffect } from '#workflow/tasks/side_effects'
import { defineTopic, requireArray } from '#workflow/tasks/topic_helpers'

/*
 * Creates the grant. Until the grants module exists it records the grant in the idempotency
 * ledger, keyed by the grant's business key: however often delivered, one grant.
 */
export default defineTopic({
  topic: 'grant.provision',
  lockDurationMs: 60_000,
  retries: 5,
  backoff: { baseMs: 10_000, maxMs: 300_000 },
  async handler(task) {
    const datasets = requireArray<string>(task.variables.approvedDatasets, 'approvedDatasets')
    const effect = await recordSideEffect(`grant.provision:${task.businessKey}`, 'grant', {
      businessKey: task.businessKey,
      datasets,
      validUntil: task.variables.validUntil ?? null,
    })
    return { variables: { grantProvisioned: true, grantCreatedNow: effect.created } }
  },
})
