import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { readProcessModels, type ActivityInfo, type ProcessModel } from '#workflow/bpmn/model'

/*
 * Per-node configuration from `camunda:properties` of the shipped .bpmn (APPROVALS.md §4):
 * whether an opinion is required, the deadline in working days, the buttons offered, what the
 * reviewer may see or narrow of the request form, and who gets a task nobody matches.
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
}

const PERMISSIONS = new Set<FieldPermission>(['editable', 'readonly', 'hidden'])

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
const cache = new Map<string, ProcessModel>()

/** The shipped model of a process (route preview and node settings read it). */
export async function processModel(processKey: string): Promise<ProcessModel | null> {
  let model = cache.get(processKey)
  if (!model) {
    const xml = readFileSync(app.makePath('workflows', `${processKey}.bpmn`), 'utf8')
    const { processes } = await readProcessModels(xml)
    model = processes.find((p) => p.key === processKey)
    if (!model) return null
    cache.set(processKey, model)
  }
  return model
}

export async function activityOf(
  processKey: string,
  activityId: string
): Promise<ActivityInfo | null> {
  const model = await processModel(processKey)
  return model?.activities.get(activityId) ?? null
}

export async function nodeConfig(processKey: string, activityId: string): Promise<NodeConfig> {
  const activity = await activityOf(processKey, activityId)
  const properties = activity?.properties ?? {}
  const days = Number(properties.deadlineWorkingDays)
  return {
    opinionRequired: properties.opinionRequired === 'true',
    deadlineWorkingDays: Number.isFinite(days) && days > 0 ? days : null,
    buttons: properties.buttons
      ? properties.buttons.split(',').map((b) => b.trim())
      : [...REVIEW_BUTTONS],
    fieldPermissions: parsePermissions(properties.fieldPermissions),
    noCandidate: properties.noCandidate === 'auto_approve' ? 'auto_approve' : 'admin',
  }
}
