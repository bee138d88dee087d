import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock'
import { lintBpmn, type LintContext } from '#workflow/bpmn/lint'
import { InstanceStore } from '#workflow/embedded/instance_store'
import { ExternalTasks } from '#workflow/embedded/external_tasks'
import { recordHistory } from '#workflow/embedded/sync'
import { affected, iso, parseJson, toHistory, toTask } from '#workflow/embedded/rows'
import {
  InvalidDefinitionException,
  TaskConflictException,
  WorkflowNotFoundException,
  type WorkflowPort,
} from '#workflow/port'
import { assertCompletable } from '#workflow/tasks/task_rules'
import type {
  DefinitionSummary,
  ProcessInstance,
  StartResult,
  TaskCandidates,
  TaskQuery,
  Variables,
  WorkflowTask,
} from '#workflow/types'

export interface EmbeddedOptions {
  lint: LintContext
  /** Live engines kept in memory; the rest are recovered from the database on demand. */
  cacheSize?: number
}

/** The workflow port on bpmn-engine, in-process, with all state in our database. */
export class EmbeddedWorkflowEngine extends ExternalTasks implements WorkflowPort {
  constructor(private readonly options: EmbeddedOptions) {
    super(new InstanceStore(options.cacheSize ?? 500))
  }

  async deploy(name: string, bpmnXml: string) {
    const problems = await lintBpmn(bpmnXml, this.options.lint)
    if (problems.length) throw new InvalidDefinitionException(problems)
    return this.store.deploy(name, bpmnXml)
  }

  async listDefinitions(): Promise<DefinitionSummary[]> {
    const rows = await db
      .from('workflow_definitions as d')
      .leftJoin('workflow_instances as i', (join) =>
        join.on('i.definition_id', 'd.id').andOnVal('i.status', 'running')
      )
      .groupBy('d.id', 'd.process_key', 'd.name', 'd.version', 'd.deployed_at')
      .select('d.id', 'd.process_key', 'd.name', 'd.version', 'd.deployed_at')
      .count('i.id as running')
      .orderBy('d.process_key')
      .orderBy('d.version', 'desc')
    return rows.map((row) => ({
      id: String(row.id),
      key: row.process_key,
      name: row.name,
      version: Number(row.version),
      deployedAt: iso(row.deployed_at)!,
      runningInstances: Number(row.running),
    }))
  }

  async getDefinitionXml(definitionId: string) {
    const definition = await this.store.definition(Number(definitionId))
    return definition.xml
  }

  async startByKey(
    processKey: string,
    businessKey: string,
    variables: Variables = {}
  ): Promise<StartResult> {
    const existing = await this.findInstance(processKey, businessKey)
    if (existing) return { instance: existing, created: false }
    try {
      const id = await this.store.create(processKey, businessKey, variables)
      return { instance: await this.getInstance(id), created: true }
    } catch (error) {
      // The unique (process_key, business_key) pair lost a race: the winner's instance is the answer.
      const winner = await this.findInstance(processKey, businessKey)
      if (winner) return { instance: winner, created: false }
      throw error
    }
  }

  async getInstance(instanceId: string): Promise<ProcessInstance> {
    const row = await this.instanceQuery().where('i.id', instanceId).first()
    if (!row) throw new WorkflowNotFoundException('instance', instanceId)
    return toInstance(row)
  }

  async findInstance(processKey: string, businessKey: string) {
    const row = await this.instanceQuery()
      .where('i.process_key', processKey)
      .where('i.business_key', businessKey)
      .first()
    return row ? toInstance(row) : null
  }

  async setVariables(instanceId: string, variables: Variables, actor?: string) {
    await this.store.step(instanceId, async (runtime, trx) => {
      runtime.variables = { ...runtime.variables, ...variables }
      await recordHistory(trx, instanceId, 'variables_set', {
        actor,
        data: { names: Object.keys(variables) },
      })
    })
  }

  async cancel(instanceId: string, reason: string, actor?: string) {
    await this.store.terminate(instanceId, async (trx) => {
      const now = clock.nowMs()
      await trx
        .from('workflow_tasks')
        .where('instance_id', instanceId)
        .where('status', 'open')
        .update({ status: 'cancelled', ended_at: now })
      await trx
        .from('workflow_external_tasks')
        .where('instance_id', instanceId)
        .where('status', 'pending')
        .update({ status: 'cancelled', ended_at: now })
      await trx
        .from('workflow_timers')
        .where('instance_id', instanceId)
        .where('status', 'waiting')
        .update({ status: 'cancelled' })
      await trx
        .from('workflow_incidents')
        .where('instance_id', instanceId)
        .whereNull('resolved_at')
        .update({ resolved_at: now })
      await trx
        .from('workflow_instances')
        .where('id', instanceId)
        .update({ status: 'cancelled', ended_at: now, state: null })
      await recordHistory(trx, instanceId, 'instance_cancelled', { actor, data: { reason } })
    })
  }

  async moveToken(instanceId: string, fromActivity: string, toActivity: string, actor?: string) {
    await this.store.step(instanceId, async (runtime, trx) => {
      await recordHistory(trx, instanceId, 'token_moved', {
        activityId: toActivity,
        actor,
        data: { from: fromActivity, to: toActivity },
      })
      await runtime.moveToken(fromActivity, toActivity)
    })
  }

  async queryTasks(query: TaskQuery): Promise<WorkflowTask[]> {
    const status = query.status ?? 'open'
    const q = this.taskQuery().orderBy('t.created_at').orderBy('t.id')
    if (query.instanceId) q.where('t.instance_id', query.instanceId)
    if (query.activityId) q.where('t.activity_id', query.activityId)
    const inInstance = (row: any) =>
      (!query.businessKey || row.business_key === query.businessKey) &&
      (!query.processKey || row.process_key === query.processKey)
    if (query.userId !== undefined) {
      const userId = query.userId
      const { assigned, offered } = await this.inboxTaskIds(userId, query.groups ?? [], status)
      if (!assigned.size && !offered.size) return []
      // Status and instance filters on the fetched rows: in SQL, SQLite would walk their indexes instead of the ids.
      const rows = await q.whereIn('t.id', [...assigned, ...offered])
      const mine = (row: any) =>
        row.status === status &&
        inInstance(row) &&
        (row.assignee === userId || (row.assignee === null && offered.has(row.id)))
      return this.withCandidates(rows.filter(mine))
    }
    if (query.businessKey) q.where('i.business_key', query.businessKey)
    if (query.processKey) q.where('i.process_key', query.processKey)
    return this.withCandidates(await q.where('t.status', status))
  }

  async getTask(taskId: string): Promise<WorkflowTask> {
    const row = await this.taskQuery().where('t.id', taskId).first()
    if (!row) throw new WorkflowNotFoundException('task', taskId)
    const [task] = await this.withCandidates([row])
    return task
  }

  async claim(taskId: string, userId: string) {
    return this.reassign(
      taskId,
      { assignee: userId },
      (q) => q.where((a: any) => a.whereNull('assignee').orWhere('assignee', userId)),
      'task_claimed',
      userId
    )
  }

  async unclaim(taskId: string) {
    const task = await this.getTask(taskId)
    return this.reassign(taskId, { assignee: null }, (q) => q, 'task_unclaimed', task.assignee)
  }

  async setAssignee(taskId: string, userId: string, actor?: string) {
    return this.reassign(taskId, { assignee: userId }, (q) => q, 'task_assigned', actor, {
      assignee: userId,
    })
  }

  async delegate(taskId: string, userId: string, actor?: string) {
    const task = await this.getTask(taskId)
    const owner = task.owner ?? task.assignee ?? actor ?? null
    return this.reassign(
      taskId,
      { assignee: userId, owner, delegation_state: 'pending' },
      (q) => q,
      'task_delegated',
      actor,
      { assignee: userId, owner }
    )
  }

  async resolve(taskId: string, variables: Variables, actor?: string) {
    const task = await this.getTask(taskId)
    if (task.delegationState !== 'pending') throw new TaskConflictException(taskId)
    const resolved = await this.reassign(
      taskId,
      { assignee: task.owner, delegation_state: 'resolved' },
      (q) => q.where('delegation_state', 'pending'),
      'task_resolved',
      actor,
      { variables, owner: task.owner }
    )
    if (Object.keys(variables).length) await this.setVariables(task.instanceId, variables, actor)
    return resolved
  }

  async addCandidates(taskId: string, candidates: TaskCandidates, actor?: string) {
    const task = await this.getTask(taskId)
    const users = (candidates.users ?? []).filter((u) => !task.candidateUsers.includes(u))
    const groups = (candidates.groups ?? []).filter((g) => !task.candidateGroups.includes(g))
    if (!users.length && !groups.length) return task
    const rows = [
      ...users.map((value) => ({ task_id: taskId, kind: 'user', value })),
      ...groups.map((value) => ({ task_id: taskId, kind: 'group', value })),
    ]
    return this.reassign(
      taskId,
      {},
      (q) => q,
      'task_candidates_added',
      actor,
      { users, groups, reason: candidates.reason ?? null },
      (trx) => trx.table('workflow_task_candidates').multiInsert(rows)
    )
  }

  async complete(taskId: string, variables: Variables, expectedVersion: number, actor?: string) {
    const task = await this.getTask(taskId)
    assertCompletable(task, expectedVersion)
    await this.store.step(task.instanceId, async (runtime, trx) => {
      const updated = await trx
        .from('workflow_tasks')
        .where({ id: taskId, version: expectedVersion, status: 'open' })
        .update({
          status: 'completed',
          version: expectedVersion + 1,
          ended_at: clock.nowMs(),
          completed_by: actor ?? null,
        })
      if (affected(updated) !== 1) throw new TaskConflictException(taskId)
      await recordHistory(trx, task.instanceId, 'task_completed', {
        activityId: task.activityId,
        taskId,
        actor,
        data: { variables, local: task.localVariables },
      })
      const row = await trx
        .from('workflow_tasks')
        .where('id', taskId)
        .select('execution_id')
        .firstOrFail()
      runtime.variables = { ...runtime.variables, ...variables }
      await runtime.signalTask(row.execution_id, variables)
    })
  }

  async history(instanceId: string) {
    const rows = await db.from('workflow_history').where('instance_id', instanceId).orderBy('id')
    return rows.map(toHistory)
  }

  private async reassign(
    taskId: string,
    changes: Record<string, string | null>,
    guard: (q: any) => any,
    event: string,
    actor: string | null | undefined,
    data?: Variables,
    alsoInTransaction?: (trx: any) => Promise<unknown>
  ) {
    const task = await this.getTask(taskId)
    await db.transaction(async (trx) => {
      const updated = await guard(
        trx.from('workflow_tasks').where({ id: taskId, status: 'open', version: task.version })
      ).update({ ...changes, version: task.version + 1 })
      if (affected(updated) !== 1) throw new TaskConflictException(taskId)
      await alsoInTransaction?.(trx)
      await recordHistory(trx, task.instanceId, event, {
        activityId: task.activityId,
        taskId,
        actor: actor ?? null,
        data,
      })
    })
    return this.getTask(taskId)
  }

  /*
   * The inbox's task ids, read from the assignee and candidate indexes first: as one OR'ed
   * subquery the planners walked every task of the status (100 000 open tasks: 1 s on MariaDB).
   */
  private async inboxTaskIds(userId: string, groups: string[], status: string) {
    const assigned = await db
      .from('workflow_tasks')
      .where('assignee', userId)
      .where('status', status)
      .select('id')
    const offered = await db
      .from('workflow_task_candidates as c')
      .join('workflow_tasks as t', 't.id', 'c.task_id')
      .whereNull('t.assignee')
      .where('t.status', status)
      .where((c) => {
        c.where((u) => u.where('c.kind', 'user').where('c.value', userId))
        if (groups.length) c.orWhere((g) => g.where('c.kind', 'group').whereIn('c.value', groups))
      })
      .distinct('c.task_id')
    return {
      assigned: new Set<string>(assigned.map((row) => row.id)),
      offered: new Set<string>(offered.map((row) => row.task_id)),
    }
  }

  private instanceQuery() {
    return db
      .from('workflow_instances as i')
      .join('workflow_definitions as d', 'd.id', 'i.definition_id')
      .select('i.*', 'd.version')
  }

  private taskQuery() {
    return db
      .from('workflow_tasks as t')
      .join('workflow_instances as i', 'i.id', 't.instance_id')
      .select('t.*', 'i.business_key', 'i.process_key')
  }

  private async withCandidates(rows: any[]) {
    if (!rows.length) return []
    const candidates = await db.from('workflow_task_candidates').whereIn(
      'task_id',
      rows.map((row) => row.id)
    )
    return rows.map((row) => toTask(row, candidates))
  }
}

function toInstance(row: any): ProcessInstance {
  return {
    id: row.id,
    definitionId: String(row.definition_id),
    processKey: row.process_key,
    version: Number(row.version),
    businessKey: row.business_key,
    status: row.status,
    variables: parseJson(row.variables, {}),
    startedAt: iso(row.started_at)!,
    endedAt: iso(row.ended_at),
  }
}
