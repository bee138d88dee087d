import type { TimeoutConfig } from '#services/requests/node_config'

export type FiringAction = 'remind' | 'escalate' | 'auto_approve' | 'auto_reject'

export interface PlannedFiring {
  action: FiringAction
  /** 1-based; reminders count up, the final action is always 1. */
  seq: number
  atMs: number
}

const HOUR_MS = 3_600_000

/*
 * Everything the node's timeout setting schedules for a task due at `dueMs`: reminder k at
 * due + (k-1)·interval, then the final action one interval after the last reminder (at the due
 * time itself when there are none). Pure, so the schedule is unit-tested without a database.
 */
export function timeoutPlan(config: TimeoutConfig, dueMs: number): PlannedFiring[] {
  if (config.action === 'none') return []
  const interval = config.remindIntervalHours * HOUR_MS
  const plan: PlannedFiring[] = []
  for (let seq = 1; seq <= config.remindTimes; seq++) {
    plan.push({ action: 'remind', seq, atMs: dueMs + (seq - 1) * interval })
  }
  if (config.action !== 'remind') {
    plan.push({ action: config.action, seq: 1, atMs: dueMs + config.remindTimes * interval })
  }
  return plan
}

/** The planned firings whose time has come, oldest first. */
export function dueFirings(config: TimeoutConfig, dueMs: number, nowMs: number) {
  return timeoutPlan(config, dueMs).filter((firing) => firing.atMs <= nowMs)
}
