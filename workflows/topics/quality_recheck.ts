import { defineTopic } from '#workflow/tasks/topic_helpers'

/*
 * Re-runs the failing checks after a fix. Until the quality module exists, the measured score is
 * the `measuredScore` variable (the rectification form's self-check), compared with `targetScore`.
 */
export default defineTopic({
  topic: 'quality.recheck',
  lockDurationMs: 120_000,
  retries: 3,
  backoff: { baseMs: 30_000, maxMs: 600_000 },
  async handler(task) {
    const measured = Number(task.variables.measuredScore)
    const target = Number(task.variables.targetScore)
    if (!Number.isFinite(target))
      throw new TypeError('process variable "targetScore" must be a number')
    return { variables: { recheckPassed: Number.isFinite(measured) && measured >= target } }
  },
})
