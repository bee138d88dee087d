import type { TimeoutConfig } from '#services/requests/node_config'

export type FiringAction = 'due_soon' | 'remind' | 'escalate' | 'auto_approve' | 'auto_reject'

export interface PlannedFiring {
  action: FiringAction
  /** 1-based; reminders count up, the final action is always 1. */
  seq: number
  atMs: number
}

const HOUR_MS = 3_600_000

/*
 * Everything the node's timeout setting schedules for a task due at `dueMs`: a "due soon"
 * reminder at the task's follow-up date, else `remindBeforeHours` ahead; reminder k at
 * due + (k-1)·interval; then the final action one interval after the last reminder (at the due
 * time itself when there are none). Pure, so the schedule is unit-tested without a database.
 */
export function timeoutPlan(
  config: TimeoutConfig,
  dueMs: number,
  followUpMs: number | null = null
): PlannedFiring[] {
  const plan: PlannedFiring[] = []
  const soonMs =
    followUpMs ?? (config.remindBeforeHours ? dueMs - config.remindBeforeHours * HOUR_MS : null)
  if (soonMs !== null && soonMs < dueMs) plan.push({ action: 'due_soon', seq: 1, atMs: soonMs })
  if (config.action === 'none') return plan
  const interval = config.remindIntervalHours * HOUR_MS
  for (let seq = 1; seq <= config.remindTimes; seq++) {
    plan.push({ action: 'remind', seq, atMs: dueMs + (seq - 1) * interval })
  }
  if (config.action !== 'remind') {
    plan.push({ action: config.action, seq: 1, atMs: dueMs + config.remindTimes * interval })
  }
  return plan
}

/** The planned firings whose time has come, oldest first; a late "due soon" is pointless. */
export function dueFirings(
  config: TimeoutConfig,
  dueMs: number,
  nowMs: number,
  followUpMs: number | null = null
) {
  return timeoutPlan(config, dueMs, followUpMs).filter(
    (firing) => firing.atMs <= nowMs && (firing.action !== 'due_soon' || nowMs < dueMs)
  )
}
