import { defineTopic, requireArray, requireString } from '#workflow/tasks/topic_helpers'

/** An approved request starts its sharing grant; the grant's business key makes a redelivery harmless. */
export default defineTopic({
  topic: 'request.open_grant',
  lockDurationMs: 30_000,
  retries: 5,
  backoff: { baseMs: 5_000, maxMs: 120_000 },
  async handler(task, context) {
    const approvedDatasets = requireArray<string>(
      task.variables.approvedDatasets,
      'approvedDatasets'
    )
    const { instance } = await context.startProcess('sharing_grant', `grant-${task.businessKey}`, {
      requestKey: task.businessKey,
      applicant: requireString(task.variables.applicant, 'applicant'),
      approvedDatasets,
      validUntil: requireString(task.variables.validUntil, 'validUntil'),
    })
    return { variables: { grantInstanceId: instance.id } }
  },
})
