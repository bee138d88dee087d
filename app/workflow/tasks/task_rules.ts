import { TaskConflictException } from '#workflow/port'
import type { WorkflowTask } from '#workflow/types'

/*
 * Who may complete a task, on either engine: it is open, the caller saw its current version,
 * and (as in Camunda) a delegated task has been resolved by its delegate first.
 */
export function assertCompletable(task: WorkflowTask, expectedVersion: number) {
  if (
    task.status !== 'open' ||
    task.version !== expectedVersion ||
    task.delegationState === 'pending'
  )
    throw new TaskConflictException(task.id)
}
