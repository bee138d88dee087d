import { defineTopic, requireString, workingDaysFromNow } from '#workflow/tasks/topic_helpers'

/** Opens a rectification round: the counter, its own working-day deadline and who acts on it. */
export default defineTopic({
  topic: 'quality.open_round',
  lockDurationMs: 30_000,
  retries: 3,
  backoff: { baseMs: 5_000, maxMs: 60_000 },
  async handler(task) {
    const providerOrg = requireString(task.variables.providerOrg, 'providerOrg')
    const days =
      typeof task.variables.roundWorkingDays === 'number' ? task.variables.roundWorkingDays : 5
    return {
      variables: {
        round: (typeof task.variables.round === 'number' ? task.variables.round : 0) + 1,
        roundDue: await workingDaysFromNow(days),
        providerGroup: `org:${providerOrg}:owner_reviewer`,
        providerHeadGroup: `org:${providerOrg}:head`,
      },
    }
  },
})
