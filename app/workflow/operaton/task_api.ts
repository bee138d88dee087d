import db from '@adonisjs/lucid/services/db'
import { isConflict, isNotFound, mapError } from '#workflow/operaton/errors'
import { OperatonInstances } from '#workflow/operaton/instance_api'
import { toClosedTasks, toOpenTasks } from '#workflow/operaton/task_mapping'
import { record } from '#workflow/operaton/timeline'
import { toTypedVariables } from '#workflow/operaton/variables'
import { TaskConflictException, WorkflowNotFoundException } from '#workflow/port'
import { assertCompletable } from '#workflow/tasks/task_rules'
import type { TaskCandidates, TaskQuery, Variables, WorkflowTask } from '#workflow/types'

/*
 * User tasks through the task API. Versions are ours (1 + reassignments recorded in
 * operaton_timeline): the REST API exposes no task revision to compare against.
 */
export class OperatonTasks extends OperatonInstances {
  async queryTasks(query: TaskQuery): Promise<WorkflowTask[]> {
    const status = query.status ?? 'open'
    if (status !== 'open') return this.closedTasks(query, status)
    const body: Record<string, unknown> = {
      processInstanceId: query.instanceId,
      processInstanceBusinessKey: query.businessKey,
      processDefinitionKey: query.processKey,
      taskDefinitionKey: query.activityId,
      sorting: [{ sortBy: 'created', sortOrder: 'asc' }],
    }
    if (query.userId !== undefined) {
      // Assigned to the user, or unassigned and offered to the user or one of the groups.
      const offered: Record<string, unknown> = {
        assignee: query.userId,
        candidateUser: query.userId,
      }
      if (query.groups?.length) offered.candidateGroups = query.groups
      body.orQueries = [offered]
    }
    return toOpenTasks(this.rest, await this.rest.post<any[]>('/task', body))
  }

  async getTask(taskId: string): Promise<WorkflowTask> {
    try {
      const dto = await this.rest.get(`/task/${taskId}`)
      const [open] = await toOpenTasks(this.rest, [dto])
      return open
    } catch (error) {
      if (!isNotFound(error)) throw error
    }
    const ended = await this.rest.get<any[]>('/history/task', { taskId })
    if (!ended.length) throw new WorkflowNotFoundException('task', taskId)
    const [closed] = await toClosedTasks(this.rest, ended)
    return closed
  }

  async claim(taskId: string, userId: string) {
    return this.reassign(
      taskId,
      (task) => task.assignee === null || task.assignee === userId,
      () => this.rest.post(`/task/${taskId}/claim`, { userId }),
      { type: 'task_claimed', actor: userId }
    )
  }

  async unclaim(taskId: string) {
    return this.reassign(
      taskId,
      () => true,
      () => this.rest.post(`/task/${taskId}/unclaim`),
      { type: 'task_unclaimed' },
      (task) => task.assignee
    )
  }

  async setAssignee(taskId: string, userId: string, actor?: string) {
    return this.reassign(
      taskId,
      () => true,
      () => this.rest.post(`/task/${taskId}/assignee`, { userId }),
      { type: 'task_assigned', actor, data: { assignee: userId } }
    )
  }

  async delegate(taskId: string, userId: string, actor?: string) {
    const task = await this.getTask(taskId)
    const owner = task.owner ?? task.assignee ?? actor ?? null
    return this.reassign(
      taskId,
      () => true,
      async () => {
        // Camunda makes the assignee the owner; an unassigned task gets the delegating actor first.
        if (!task.owner && !task.assignee && actor)
          await this.rest.post(`/task/${taskId}/assignee`, { userId: actor })
        await this.rest.post(`/task/${taskId}/delegate`, { userId })
      },
      { type: 'task_delegated', actor, data: { assignee: userId, owner } }
    )
  }

  async resolve(taskId: string, variables: Variables, actor?: string) {
    return this.reassign(
      taskId,
      (task) => task.delegationState === 'pending',
      () => this.rest.post(`/task/${taskId}/resolve`, { variables: toTypedVariables(variables) }),
      { type: 'task_resolved', actor },
      undefined,
      (task) => ({ variables, owner: task.owner })
    )
  }

  /** Escalation offers the task to more people: Camunda's candidate identity links. */
  async addCandidates(taskId: string, candidates: TaskCandidates, actor?: string) {
    const task = await this.getTask(taskId)
    const users = (candidates.users ?? []).filter((u) => !task.candidateUsers.includes(u))
    const groups = (candidates.groups ?? []).filter((g) => !task.candidateGroups.includes(g))
    if (!users.length && !groups.length) return task
    return this.reassign(
      taskId,
      () => true,
      async () => {
        for (const userId of users)
          await this.rest.post(`/task/${taskId}/identity-links`, { userId, type: 'candidate' })
        for (const groupId of groups)
          await this.rest.post(`/task/${taskId}/identity-links`, { groupId, type: 'candidate' })
      },
      {
        type: 'task_candidates_added',
        actor,
        data: { users, groups, reason: candidates.reason ?? null },
      }
    )
  }

  /** The decision is written to our timeline in a transaction that commits only if the engine accepted it. */
  async complete(taskId: string, variables: Variables, expectedVersion: number, actor?: string) {
    await this.locks.run(`task:${taskId}`, async () => {
      const task = await this.getTask(taskId)
      assertCompletable(task, expectedVersion)
      await db.transaction(async (trx) => {
        await record(
          {
            instanceId: task.instanceId,
            type: 'task_completed',
            activityId: task.activityId,
            taskId,
            actor,
            data: { variables, local: task.localVariables },
          },
          trx
        )
        await this.taskCall(taskId, () =>
          this.rest.post(`/task/${taskId}/complete`, { variables: toTypedVariables(variables) })
        )
      })
    })
  }

  private async closedTasks(query: TaskQuery, status: 'completed' | 'cancelled') {
    const rows = await this.rest.get<any[]>('/history/task', {
      finished: true,
      processInstanceId: query.instanceId,
      processInstanceBusinessKey: query.businessKey,
      processDefinitionKey: query.processKey,
      taskDefinitionKey: query.activityId,
      taskAssignee: query.userId,
      sortBy: 'startTime',
      sortOrder: 'asc',
    })
    const tasks = await toClosedTasks(this.rest, rows)
    return tasks.filter((task) => task.status === status)
  }

  /** One reassignment: guard on the current task, call the engine, then record it (bumps the version). */
  private async reassign(
    taskId: string,
    allowed: (task: WorkflowTask) => boolean,
    call: () => Promise<unknown>,
    entry: { type: string; actor?: string | null; data?: Variables },
    actorOf?: (task: WorkflowTask) => string | null,
    dataOf?: (task: WorkflowTask) => Variables
  ) {
    return this.locks.run(`task:${taskId}`, async () => {
      const task = await this.getTask(taskId)
      if (task.status !== 'open' || !allowed(task)) throw new TaskConflictException(taskId)
      await this.taskCall(taskId, call)
      await record({
        instanceId: task.instanceId,
        activityId: task.activityId,
        taskId,
        type: entry.type,
        actor: actorOf ? actorOf(task) : entry.actor,
        data: dataOf ? dataOf(task) : entry.data,
      })
      return this.getTask(taskId)
    })
  }

  /** A task that vanished or changed under the call is a conflict, as on the embedded adapter. */
  private async taskCall(taskId: string, call: () => Promise<unknown>) {
    try {
      await call()
    } catch (error) {
      if (isConflict(error) || isNotFound(error)) throw new TaskConflictException(taskId)
      mapError(error, 'task', taskId)
    }
  }
}
