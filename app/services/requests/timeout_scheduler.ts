import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import lock from '@adonisjs/lock/services/main'
import clock from '#services/clock'
import DecideOnTimeout from '#actions/requests/decide_on_timeout'
import { deadlinesOf } from '#services/requests/task_deadlines'
import {
  deployedNodeConfig,
  MAX_REMIND_BEFORE_HOURS,
  type TimeoutConfig,
} from '#services/requests/node_config'
import { dueFirings, type PlannedFiring } from '#services/requests/timeout_plan'
import {
  escalate,
  remind,
  remindDueSoon,
  type FiringOutcome,
} from '#services/requests/timeout_actions'
import { TaskConflictException, type WorkflowPort } from '#workflow/port'
import type { WorkflowTask } from '#workflow/types'

export const TIMEOUT_LOCK_KEY = 'workflow:task-timeouts'
/** A firing that failed is tried again on later passes, this many times in all. */
const MAX_ATTEMPTS = 5
/** A claim never settled by then (its instance died mid-action) is taken over; every action is idempotent. */
const CLAIM_LEASE_MS = 10 * 60_000

interface NodeTimeout {
  config: TimeoutConfig
  dueMs: number
}

interface FiringRow {
  status: string
  attempts: number | string
  fired_at_ms: number | string
}

/** Another attempt is allowed: it failed, or its claimant vanished, and attempts are left. */
function retryable(row: FiringRow, now: number) {
  if (Number(row.attempts) >= MAX_ATTEMPTS) return false
  if (row.status === 'failed') return true
  return row.status === 'claimed' && Number(row.fired_at_ms) + CLAIM_LEASE_MS < now
}

export interface SchedulerOptions {
  /** Default true. Off only to prove the per-firing unique key holds on its own. */
  useLock?: boolean
}

/*
 * Applies the nodes' timeout settings to overdue open tasks (reminders, escalation, automatic
 * decisions). Two guards keep a firing single on several app instances: the scheduler lock
 * (@adonisjs/lock, database store) lets one pass run at a time, and each firing is claimed by
 * inserting its unique (task_id, action, seq) row before it acts.
 */
export class TimeoutScheduler {
  readonly #id = randomUUID()
  readonly #useLock: boolean

  constructor(options: SchedulerOptions = {}) {
    this.#useLock = options.useLock ?? true
  }

  /** One pass; returns the firings this scheduler performed (0 when another instance holds the lock). */
  async runPass(port: WorkflowPort): Promise<number> {
    if (!this.#useLock) return this.#scan(port)
    const [ran, fired] = await lock
      .createLock(TIMEOUT_LOCK_KEY, '5m')
      .runImmediately(() => this.#scan(port))
    return ran ? fired : 0
  }

  async #scan(port: WorkflowPort) {
    const tasks = await port.queryTasks({ status: 'open' })
    const deadlines = await deadlinesOf(tasks)
    const now = clock.nowMs()
    const horizon = now + MAX_REMIND_BEFORE_HOURS * 3_600_000
    const timed = []
    for (const task of tasks) {
      const dueAt = deadlines.get(task.id)?.dueAt
      if (!dueAt) continue
      const dueMs = DateTime.fromISO(dueAt).toMillis()
      const followUpMs = task.followUpAt ? DateTime.fromISO(task.followUpAt).toMillis() : null
      // Nothing can be due yet for a task whose deadline is further away than any reminder before it.
      if (dueMs <= horizon || (followUpMs !== null && followUpMs <= now))
        timed.push({ task, dueMs, followUpMs })
    }
    if (!timed.length) return 0
    const settled = await this.#settledKeys(timed.map(({ task }) => task.id))
    let fired = 0
    for (const { task, dueMs, followUpMs } of timed) {
      try {
        fired += await this.#fireDue(port, task, { dueMs, followUpMs, now }, settled)
      } catch (error) {
        // One broken task (e.g. its definition cannot be read) must not stop the others.
        logger.error({ err: error, taskId: task.id }, 'task timeouts could not be applied')
      }
    }
    return fired
  }

  async #fireDue(
    port: WorkflowPort,
    task: WorkflowTask,
    times: { dueMs: number; followUpMs: number | null; now: number },
    settled: Set<string>
  ) {
    const { timeout: config } = await deployedNodeConfig(port, task)
    let fired = 0
    for (const firing of dueFirings(config, times.dueMs, times.now, times.followUpMs)) {
      if (settled.has(firingKey(task.id, firing))) continue
      if (!(await this.#claim(task, firing))) continue
      fired++
      // An automatic decision ends the task: nothing after it applies.
      if (!(await this.#fire(port, task, firing, { config, dueMs: times.dueMs }))) break
    }
    return fired
  }

  /** Firings already done, skipped, in progress elsewhere or out of attempts. */
  async #settledKeys(taskIds: string[]) {
    const now = clock.nowMs()
    const rows = await db
      .from('task_timeout_firings')
      .whereIn('task_id', taskIds)
      .select('task_id', 'action', 'seq', 'status', 'attempts', 'fired_at_ms')
    return new Set(
      rows.filter((row) => !retryable(row, now)).map((row) => firingKey(row.task_id, row))
    )
  }

  /** True when this scheduler owns the firing: it inserted the row, or took over a retryable one. */
  async #claim(task: WorkflowTask, firing: PlannedFiring) {
    const key = { task_id: task.id, action: firing.action, seq: firing.seq }
    await db
      .table('task_timeout_firings')
      .insert({
        ...key,
        instance_id: task.instanceId,
        business_key: task.businessKey,
        activity_id: task.activityId,
        status: 'claimed',
        claimed_by: this.#id,
        attempts: 1,
        scheduled_at_ms: firing.atMs,
        fired_at_ms: clock.nowMs(),
      })
      .onConflict(['task_id', 'action', 'seq'])
      .ignore()
    const row = await db.from('task_timeout_firings').where(key).firstOrFail()
    if (row.claimed_by === this.#id && row.status === 'claimed') return true
    if (!retryable(row, clock.nowMs())) return false
    const retaken = await db
      .from('task_timeout_firings')
      .where({ ...key, status: row.status, attempts: row.attempts, claimed_by: row.claimed_by })
      .update({
        status: 'claimed',
        claimed_by: this.#id,
        attempts: Number(row.attempts) + 1,
        fired_at_ms: clock.nowMs(),
      })
    return Number(retaken) === 1
  }

  /** Runs the claimed firing and records its outcome; false when the task is no longer open. */
  async #fire(port: WorkflowPort, task: WorkflowTask, firing: PlannedFiring, node: NodeTimeout) {
    let outcome: FiringOutcome | { status: 'failed'; details: Record<string, unknown> }
    let open = true
    try {
      const current = await port.getTask(task.id)
      if (current.status !== 'open') {
        outcome = { status: 'skipped', details: { reason: 'task_not_open' } }
        open = false
      } else {
        outcome = await this.#act(port, current, firing, node)
        open = !firing.action.startsWith('auto_')
      }
    } catch (error) {
      if (error instanceof TaskConflictException) {
        outcome = { status: 'skipped', details: { reason: 'decided_meanwhile' } }
        open = false
      } else {
        // Logged and kept as `failed`: a later pass retries it (MAX_ATTEMPTS in all).
        logger.error({ err: error, taskId: task.id, firing }, 'task timeout action failed')
        const message = error instanceof Error ? error.message : String(error)
        outcome = { status: 'failed', details: { error: message.slice(0, 1000) } }
      }
    }
    await db
      .from('task_timeout_firings')
      .where({ task_id: task.id, action: firing.action, seq: firing.seq, claimed_by: this.#id })
      .update({ status: outcome.status, details: JSON.stringify(outcome.details) })
    return open
  }

  async #act(
    port: WorkflowPort,
    task: WorkflowTask,
    firing: PlannedFiring,
    { config, dueMs }: NodeTimeout
  ): Promise<FiringOutcome> {
    switch (firing.action) {
      case 'due_soon':
        return remindDueSoon(task, dueMs)
      case 'remind':
        return remind(task, firing.seq, config.remindTimes)
      case 'escalate':
        return escalate(port, task, config)
      case 'auto_approve':
      case 'auto_reject':
        await new DecideOnTimeout().handle(
          port,
          task,
          firing.action === 'auto_approve' ? 'approve' : 'reject'
        )
        return { status: 'done', details: { decision: firing.action } }
    }
  }
}

function firingKey(taskId: string, firing: { action: string; seq: number | string }) {
  return `${taskId}|${firing.action}|${Number(firing.seq)}`
}

/** Firings recorded for the tasks of one process instance (the request's timeout history). */
export async function firingsOf(instanceId: string) {
  return db
    .from('task_timeout_firings')
    .where('instance_id', instanceId)
    .orderBy('fired_at_ms')
    .orderBy('id')
}
