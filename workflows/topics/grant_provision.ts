import logger from '@adonisjs/core/services/logger'
import ProvisionGrant from '#actions/delivery/provision_grant'
import { recordSideEffect } from '#workflow/tasks/side_effects'
import { defineTopic, requireArray, requireString } from '#workflow/tasks/topic_helpers'

/*
 * Creates the grant. Its business key is unique in `grants` and in the idempotency ledger, so
 * however often the task is delivered there is one grant. A process started without a stored
 * request (engine contract scenarios, benches) has nothing to grant and only leaves the ledger row.
 */
export default defineTopic({
  topic: 'grant.provision',
  lockDurationMs: 60_000,
  retries: 5,
  backoff: { baseMs: 10_000, maxMs: 300_000 },
  async handler(task) {
    const datasets = requireArray<string>(task.variables.approvedDatasets, 'approvedDatasets')
    const validUntil = requireString(task.variables.validUntil, 'validUntil')
    const requestCode =
      typeof task.variables.requestKey === 'string' ? task.variables.requestKey : ''
    const provisioned = await new ProvisionGrant().handle({
      grantCode: task.businessKey,
      requestCode,
      approvedDatasets: datasets,
      validUntil,
    })
    if (!provisioned) logger.warn({ grant: task.businessKey }, 'grant.provision: no stored request')
    const effect = await recordSideEffect(`grant.provision:${task.businessKey}`, 'grant', {
      businessKey: task.businessKey,
      grantId: provisioned?.grant.id ?? null,
      datasets,
      validUntil,
    })
    return {
      variables: {
        grantProvisioned: true,
        grantId: provisioned?.grant.id ?? null,
        grantCreatedNow: provisioned ? provisioned.created : effect.created,
      },
    }
  },
})
