import ExpireGrant from '#actions/delivery/expire_grant'
import { defineTopic } from '#workflow/tasks/topic_helpers'

/** Ends the grant at expiry; per-call expiry checks deny access even if this runs late. */
export default defineTopic({
  topic: 'grant.revoke',
  lockDurationMs: 60_000,
  retries: 10,
  backoff: { baseMs: 10_000, maxMs: 600_000 },
  async handler(task) {
    await new ExpireGrant().handle(task.businessKey)
    return { variables: { grantRevoked: true } }
  },
})
