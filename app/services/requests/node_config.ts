import { existsSync, readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { readProcessModels } from '#workflow/bpmn/model'
import type { WorkflowPort } from '#workflow/port'
import type { WorkflowTask } from '#workflow/types'

/*
 * Per-node configuration from `camunda:properties` of the shipped .bpmn (APPROVALS.md §4):
 * whether an opinion is required, the deadline in working days, the buttons offered, and what
 * happens on timeout (docs/workflow.md, "Deadlines and timeouts").
 */
export interface NodeConfig {
  opinionRequired: boolean
  deadlineWorkingDays: number | null
  buttons: string[]
  timeout: TimeoutConfig
}

export const TIMEOUT_ACTIONS = [
  'none',
  'remind',
  'escalate',
  'auto_approve',
  'auto_reject',
] as const
export type TimeoutAction = (typeof TIMEOUT_ACTIONS)[number]

/*
 * Before the due time: one "due soon" reminder `remindBeforeHours` ahead (or at the engine's
 * follow-up date). From the due time on: `remindTimes` reminders `remindIntervalHours` apart, then
 * (escalate, auto_approve, auto_reject) the action itself one interval after the last reminder.
 */
export interface TimeoutConfig {
  /** 0: no reminder before the due time (unless the task has a follow-up date). */
  remindBeforeHours: number
  action: TimeoutAction
  remindTimes: number
  remindIntervalHours: number
  /** A candidate group (`role:…`, `org:<code>:head`…); default: the heads of the task's organisations. */
  escalationGroup: string | null
}

type Properties = Record<string, string>
const DEFAULT_BUTTONS = ['approve', 'reject', 'return']
const DEFAULT_INTERVAL_HOURS = 24
const MAX_REMINDERS = 10
/** Bounds how early a "due soon" reminder may come (the scheduler looks this far ahead). */
export const MAX_REMIND_BEFORE_HOURS = 72
const fileCache = new Map<string, Map<string, Properties>>()
const versionCache = new Map<string, Map<string, Properties>>()

async function propertiesByActivity(xml: string) {
  const { processes } = await readProcessModels(xml)
  const byActivity = new Map<string, Properties>()
  for (const process of processes) {
    for (const activity of process.activities.values())
      byActivity.set(activity.id, activity.properties)
  }
  return byActivity
}

async function propertiesOf(processKey: string) {
  let byActivity = fileCache.get(processKey)
  if (!byActivity) {
    // A process deployed from the modeler has no shipped file: its nodes get the defaults here.
    const file = app.makePath('workflows', `${processKey}.bpmn`)
    byActivity = existsSync(file)
      ? await propertiesByActivity(readFileSync(file, 'utf8'))
      : new Map<string, Properties>()
    fileCache.set(processKey, byActivity)
  }
  return byActivity
}

function boundedInteger(text: string | undefined, min: number, max: number, fallback: number) {
  const value = Number(text)
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback
}

export function timeoutConfigOf(properties: Properties): TimeoutConfig {
  const action = (TIMEOUT_ACTIONS as readonly string[]).includes(properties.timeoutAction ?? '')
    ? (properties.timeoutAction as TimeoutAction)
    : 'none'
  return {
    remindBeforeHours: boundedInteger(properties.remindBeforeHours, 0, MAX_REMIND_BEFORE_HOURS, 0),
    action,
    // "remind" with no count means one reminder; the others may go straight to their action.
    remindTimes:
      action === 'none'
        ? 0
        : boundedInteger(properties.remindTimes, 0, MAX_REMINDERS, action === 'remind' ? 1 : 0),
    remindIntervalHours: boundedInteger(
      properties.remindIntervalHours,
      1,
      24 * 30,
      DEFAULT_INTERVAL_HOURS
    ),
    escalationGroup: properties.escalationGroup?.trim() || null,
  }
}

function configOf(properties: Properties): NodeConfig {
  const days = Number(properties.deadlineWorkingDays)
  return {
    opinionRequired: properties.opinionRequired === 'true',
    deadlineWorkingDays: Number.isFinite(days) && days > 0 ? days : null,
    buttons: properties.buttons
      ? properties.buttons.split(',').map((b) => b.trim())
      : DEFAULT_BUTTONS,
    timeout: timeoutConfigOf(properties),
  }
}

export async function nodeConfig(processKey: string, activityId: string): Promise<NodeConfig> {
  const byActivity = await propertiesOf(processKey)
  return configOf(byActivity.get(activityId) ?? {})
}

/*
 * The configuration of the version the task's instance runs: a process admin who deploys a new
 * timeout setting changes new instances only, as with every other part of the model.
 */
export async function deployedNodeConfig(
  port: WorkflowPort,
  task: WorkflowTask
): Promise<NodeConfig> {
  const { definitionId } = await port.getInstance(task.instanceId)
  // Keyed by the XML itself: definition ids are only unique within one database.
  const xml = await port.getDefinitionXml(definitionId)
  let byActivity = versionCache.get(xml)
  if (!byActivity) {
    byActivity = await propertiesByActivity(xml)
    versionCache.set(xml, byActivity)
  }
  return configOf(byActivity.get(task.activityId) ?? {})
}
