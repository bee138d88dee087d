import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import clock from '#services/clock'
import type { InstanceStore } from '#workflow/embedded/instance_store'
import { recordHistory } from '#workflow/embedded/sync'
import { affected, iso, parseJson, toIncident, toTimer } from '#workflow/embedded/rows'
import {
  ExternalTaskLockException,
  WorkflowNotFoundException,
  WorkflowStepException,
  type ExternalFailure,
} from '#workflow/port'
import type { Incident, LockedExternalTask, TimerJob, Variables } from '#workflow/types'

/** Camunda's external-task contract, timers and incidents over the embedded adapter's tables. */
export abstract class ExternalTasks {
  constructor(protected readonly store: InstanceStore) {}

  async fetchAndLock(
    topic: string,
    workerId: string,
    lockDurationMs: number,
    maxTasks = 10
  ): Promise<LockedExternalTask[]> {
    const now = clock.nowMs()
    const available = await this.lockable(
      db.from('workflow_external_tasks').where('topic', topic),
      now
    )
      .orderBy('created_at')
      .limit(maxTasks)
    const locked: LockedExternalTask[] = []
    for (const row of available) {
      // The guarded update is the lock: of two workers reading the same row, one updates it.
      const updated = await this.lockable(
        db.from('workflow_external_tasks').where('id', row.id),
        now
      ).update({
        worker_id: workerId,
        lock_expires_at: now + lockDurationMs,
      })
      if (affected(updated) !== 1) continue
      const instance = await db.from('workflow_instances').where('id', row.instance_id).first()
      locked.push({
        id: row.id,
        topic,
        workerId,
        instanceId: row.instance_id,
        businessKey: instance.business_key,
        processKey: instance.process_key,
        activityId: row.activity_id,
        variables: parseJson(instance.variables, {}),
        retries: row.retries === null ? null : Number(row.retries),
        lockExpiresAt: iso(now + lockDurationMs)!,
      })
    }
    return locked
  }

  async completeExternal(taskId: string, workerId: string, variables: Variables = {}) {
    await this.finishExternal(taskId, workerId, 'external_completed', variables, null)
  }

  async handleBpmnError(
    taskId: string,
    workerId: string,
    errorCode: string,
    variables: Variables = {}
  ) {
    const error = Object.assign(new Error(`BPMN error ${errorCode}`), { code: errorCode })
    await this.finishExternal(taskId, workerId, 'external_bpmn_error', variables, error)
  }

  async handleFailure(taskId: string, workerId: string, failure: ExternalFailure) {
    const row = await this.heldBy(taskId, workerId)
    await db.transaction(async (trx) => {
      const now = clock.nowMs()
      const retries = Math.max(0, failure.retries)
      await trx
        .from('workflow_external_tasks')
        .where('id', taskId)
        .update({
          retries,
          retry_at: now + failure.retryTimeoutMs,
          worker_id: null,
          lock_expires_at: null,
          error_message: failure.message,
        })
      await recordHistory(trx, row.instance_id, 'external_failed', {
        activityId: row.activity_id,
        data: { message: failure.message, retries },
      })
      if (retries > 0) return
      await trx.table('workflow_incidents').insert({
        instance_id: row.instance_id,
        external_task_id: taskId,
        activity_id: row.activity_id,
        message: failure.message,
        created_at: now,
      })
      await recordHistory(trx, row.instance_id, 'incident_created', {
        activityId: row.activity_id,
        data: { message: failure.message },
      })
    })
  }

  async extendLock(taskId: string, workerId: string, newDurationMs: number) {
    await this.heldBy(taskId, workerId)
    await db
      .from('workflow_external_tasks')
      .where({ id: taskId, worker_id: workerId })
      .update({ lock_expires_at: clock.nowMs() + newDurationMs })
  }

  async incidents(instanceId?: string): Promise<Incident[]> {
    const query = db.from('workflow_incidents').whereNull('resolved_at').orderBy('id')
    if (instanceId) query.where('instance_id', instanceId)
    const rows = await query
    return rows.map(toIncident)
  }

  async retryIncident(incidentId: string, retries: number) {
    const incident = await db
      .from('workflow_incidents')
      .where('id', incidentId)
      .whereNull('resolved_at')
      .first()
    if (!incident) throw new WorkflowNotFoundException('incident', incidentId)
    await db.transaction(async (trx) => {
      await trx
        .from('workflow_external_tasks')
        .where('id', incident.external_task_id)
        .update({ retries, retry_at: null })
      await trx
        .from('workflow_incidents')
        .where('id', incidentId)
        .update({ resolved_at: clock.nowMs() })
      await recordHistory(trx, incident.instance_id, 'incident_resolved', {
        activityId: incident.activity_id,
        data: { retries },
      })
    })
  }

  async pendingTimers(instanceId?: string): Promise<TimerJob[]> {
    const query = db.from('workflow_timers').where('status', 'waiting').orderBy('due_at')
    if (instanceId) query.where('instance_id', instanceId)
    const rows = await query
    return rows.map(toTimer)
  }

  async fireDueTimers(): Promise<number> {
    const due = await db
      .from('workflow_timers')
      .where('status', 'waiting')
      .where('due_at', '<=', clock.nowMs())
      .orderBy('due_at')
    let fired = 0
    for (const timer of due) {
      try {
        const firedNow = await this.store.step(timer.instance_id, async (runtime, trx) => {
          // Claiming the row first makes a timer fire once even with several schedulers.
          const claimed = await trx
            .from('workflow_timers')
            .where({ id: timer.id, status: 'waiting' })
            .update({ status: 'fired' })
          if (affected(claimed) !== 1) return false
          await recordHistory(trx, timer.instance_id, 'timer_fired', {
            activityId: timer.activity_id,
          })
          await runtime.fireTimer(timer.execution_id)
          return true
        })
        if (firedNow) fired += 1
      } catch (error) {
        // The step rolled back, so the timer stays due and is retried next round; the timeline shows why.
        if (!(error instanceof WorkflowStepException)) throw error
        await db.transaction((trx) =>
          recordHistory(trx, timer.instance_id, 'timer_failed', {
            activityId: timer.activity_id,
            data: { message: error.message },
          })
        )
        logger.warn(
          { instanceId: timer.instance_id, activityId: timer.activity_id },
          `timer failed: ${error.message}`
        )
      }
    }
    return fired
  }

  /** Boot-time recovery: resumes every running instance from its stored state and reconciles rows. */
  async recoverAll(): Promise<number> {
    const running = await db.from('workflow_instances').where('status', 'running').select('id')
    for (const row of running) await this.store.step(row.id, async () => undefined)
    return running.length
  }

  private lockable(query: any, now: number) {
    return query
      .where('status', 'pending')
      .where((r: any) => r.whereNull('retries').orWhere('retries', '>', 0))
      .where((r: any) => r.whereNull('retry_at').orWhere('retry_at', '<=', now))
      .where((l: any) => l.whereNull('lock_expires_at').orWhere('lock_expires_at', '<=', now))
  }

  private async heldBy(taskId: string, workerId: string) {
    const row = await db.from('workflow_external_tasks').where('id', taskId).first()
    if (!row) throw new WorkflowNotFoundException('external_task', taskId)
    const held =
      row.status === 'pending' &&
      row.worker_id === workerId &&
      Number(row.lock_expires_at) > clock.nowMs()
    if (!held) throw new ExternalTaskLockException(taskId)
    return row
  }

  private async finishExternal(
    taskId: string,
    workerId: string,
    event: string,
    variables: Variables,
    error: Error | null
  ) {
    const row = await this.heldBy(taskId, workerId)
    await this.store.step(row.instance_id, async (runtime, trx) => {
      const updated = await trx
        .from('workflow_external_tasks')
        .where({ id: taskId, status: 'pending', worker_id: workerId })
        .where('lock_expires_at', '>', clock.nowMs())
        .update({ status: 'completed', ended_at: clock.nowMs() })
      if (affected(updated) !== 1) throw new ExternalTaskLockException(taskId)
      await recordHistory(trx, row.instance_id, event, {
        activityId: row.activity_id,
        actor: workerId,
        data: { variables, ...(error ? { code: (error as any).code } : {}) },
      })
      runtime.variables = { ...runtime.variables, ...variables }
      await runtime.completeService(row.execution_id, error)
    })
  }
}
