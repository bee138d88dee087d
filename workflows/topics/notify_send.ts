import { recordSideEffect } from '#workflow/tasks/side_effects'
import { defineTopic } from '#workflow/tasks/topic_helpers'

/*
 * Notifies about a process event (`notifyKind` from camunda:inputOutput or process variables).
 * The external task id keys the message: a redelivered task never notifies twice.
 */
export default defineTopic({
  topic: 'notify.send',
  lockDurationMs: 30_000,
  retries: 5,
  backoff: { baseMs: 5_000, maxMs: 300_000 },
  async handler(task) {
    await recordSideEffect(`notify.send:${task.id}`, 'notification', {
      businessKey: task.businessKey,
      processKey: task.processKey,
      activityId: task.activityId,
      recipient: task.variables.applicant ?? task.variables.providerOrg ?? null,
    })
    return {}
  },
})
