import type { TopicDefinition } from '#workflow/types'
import complianceCheck from './topics/request_compliance_check.js'
import tallyReviews from './topics/request_tally_reviews.js'
import openGrant from './topics/request_open_grant.js'
import grantProvision from './topics/grant_provision.js'
import grantRevoke from './topics/grant_revoke.js'
import notifySend from './topics/notify_send.js'
import qualityOpenRound from './topics/quality_open_round.js'
import qualityRecheck from './topics/quality_recheck.js'

/** Every external-task topic the .bpmn files may use; the deploy lint rejects any other. */
export const topics: readonly TopicDefinition[] = [
  complianceCheck,
  tallyReviews,
  openGrant,
  grantProvision,
  grantRevoke,
  notifySend,
  qualityOpenRound,
  qualityRecheck,
]

export const topicNames: ReadonlySet<string> = new Set(topics.map((definition) => definition.topic))

/** The shipped processes, deployed in this order (data_request starts sharing_grant). */
export const processFiles = [
  'sharing_grant.bpmn',
  'data_request.bpmn',
  'quality_rectification.bpmn',
] as const
