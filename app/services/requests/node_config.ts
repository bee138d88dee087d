import { existsSync, readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { readProcessModels, type ActivityInfo, type ProcessModel } from '#workflow/bpmn/model'
import type { WorkflowPort } from '#workflow/port'
import type { WorkflowTask } from '#workflow/types'

/*
 * Per-node configuration from `camunda:properties` of the .bpmn (APPROVALS.md §4): whether an
 * opinion is required, the deadline in working days, the buttons offered, what the reviewer may
 * see or narrow of the request form, who gets a task nobody matches, and what happens on timeout
 * (docs/workflow.md, "Deadlines and timeouts").
 */
export type FieldPermission = 'editable' | 'readonly' | 'hidden'
export type NoCandidateAction = 'admin' | 'auto_approve'

export interface NodeConfig {
  opinionRequired: boolean
  deadlineWorkingDays: number | null
  buttons: string[]
  /** Request-form fields not listed are read-only. */
  fieldPermissions: Record<string, FieldPermission>
  noCandidate: NoCandidateAction
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

/** Every reviewer operation of APPROVALS.md §4; a node narrows them with `camunda:property buttons`. */
export const REVIEW_BUTTONS = [
  'approve',
  'reject',
  'return',
  'transfer',
  'delegate',
  'add_signoff',
  'cc',
] as const

type Properties = Record<string, string>
const DEFAULT_INTERVAL_HOURS = 24
const MAX_REMINDERS = 10
/** Bounds how early a "due soon" reminder may come (the scheduler looks this far ahead). */
export const MAX_REMIND_BEFORE_HOURS = 72
const PERMISSIONS = new Set<FieldPermission>(['editable', 'readonly', 'hidden'])
const fileCache = new Map<string, ProcessModel | null>()
const versionCache = new Map<string, ProcessModel | null>()

async function modelOf(xml: string, processKey: string) {
  const { processes } = await readProcessModels(xml)
  return processes.find((p) => p.key === processKey) ?? null
}

/** The shipped model of a process (route preview and node settings read it). */
export async function processModel(processKey: string): Promise<ProcessModel | null> {
  if (!fileCache.has(processKey)) {
    // A process deployed from the modeler has no shipped file: its nodes get the defaults here.
    const file = app.makePath('workflows', `${processKey}.bpmn`)
    fileCache.set(
      processKey,
      existsSync(file) ? await modelOf(readFileSync(file, 'utf8'), processKey) : null
    )
  }
  return fileCache.get(processKey)!
}

export async function activityOf(
  processKey: string,
  activityId: string
): Promise<ActivityInfo | null> {
  const model = await processModel(processKey)
  return model?.activities.get(activityId) ?? null
}

/** `fieldPermissions="contact:hidden,validUntil:editable"` → a map; unknown words are ignored. */
function parsePermissions(text: string | undefined): Record<string, FieldPermission> {
  const result: Record<string, FieldPermission> = {}
  for (const pair of (text ?? '').split(',')) {
    const [field, permission] = pair.split(':').map((part) => part.trim())
    if (field && PERMISSIONS.has(permission as FieldPermission))
      result[field] = permission as FieldPermission
  }
  return result
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
      : [...REVIEW_BUTTONS],
    fieldPermissions: parsePermissions(properties.fieldPermissions),
    noCandidate: properties.noCandidate === 'auto_approve' ? 'auto_approve' : 'admin',
    timeout: timeoutConfigOf(properties),
  }
}

export async function nodeConfig(processKey: string, activityId: string): Promise<NodeConfig> {
  const activity = await activityOf(processKey, activityId)
  return configOf(activity?.properties ?? {})
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
  if (!versionCache.has(xml)) versionCache.set(xml, await modelOf(xml, task.processKey))
  const activity = versionCache.get(xml)?.activities.get(task.activityId)
  return configOf(activity?.properties ?? {})
}
