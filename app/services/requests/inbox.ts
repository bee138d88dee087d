import type User from '#models/user'
import { GroupResolver } from '#workflow/tasks/group_resolver'
import { TaskConflictException, WorkflowNotFoundException, type WorkflowPort } from '#workflow/port'
import type { WorkflowTask } from '#workflow/types'

const resolver = new GroupResolver()

/** The candidate groups a user belongs to (`role:…`, `org:<code>:<role>`, `org:<code>:head`). */
export function groupsOf(user: User) {
  return resolver.groupsFor(user)
}

export function canSee(task: WorkflowTask, userId: string, groups: string[]) {
  // A delegating owner keeps sight of the task (read-only until the delegate resolves it).
  if (task.owner === userId && task.delegationState === 'pending') return true
  if (task.assignee) return task.assignee === userId
  return (
    task.candidateUsers.includes(userId) || task.candidateGroups.some((g) => groups.includes(g))
  )
}

/**
 * An open task the user may act on. Someone else's task is reported as not found, so ids
 * cannot be probed (SECURITY.md 6).
 */
export async function visibleTask(
  port: WorkflowPort,
  user: User,
  groups: string[],
  taskId: string
) {
  let task: WorkflowTask
  try {
    task = await port.getTask(taskId)
  } catch (error) {
    if (error instanceof WorkflowNotFoundException) throw error
    throw new WorkflowNotFoundException('task', taskId)
  }
  if (!canSee(task, String(user.id), groups)) throw new WorkflowNotFoundException('task', taskId)
  // Someone else decided it a moment ago: a conflict, not a missing task (the caller could see it).
  if (task.status !== 'open') throw new TaskConflictException(taskId)
  return task
}

export async function todoFor(port: WorkflowPort, user: User, groups: string[]) {
  const tasks = await port.queryTasks({ userId: String(user.id), groups, status: 'open' })
  return tasks.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}
