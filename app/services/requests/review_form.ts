import { DateTime } from 'luxon'
import type { RequestForm } from '#models/data_request'
import clock from '#services/clock'
import FieldConflictException from '#exceptions/field_conflict_exception'
import { nodeConfig, processModel, type FieldPermission } from '#services/requests/node_config'

/*
 * What a reviewer sees of the request form and what they may narrow at their node (字段权限):
 * hidden fields never leave the server; editable fields can only be narrowed on approval
 * (a shorter validity, fewer fields), never widened beyond what the applicant asked for.
 */
export interface FormChanges {
  validUntil?: Date
  fields?: string[]
}

export const NARROWABLE: readonly (keyof FormChanges)[] = ['validUntil', 'fields']

export function visibleForm(form: RequestForm, permissions: Record<string, FieldPermission>) {
  return Object.fromEntries(
    Object.entries(form).filter(([field]) => permissions[field] !== 'hidden')
  ) as Partial<RequestForm>
}

function refuse(field: string, message: string): never {
  throw new FieldConflictException(`formChanges.${field}`, 'narrow', message)
}

/** The form after the reviewer's changes; 422 naming the field for anything not allowed. */
export function narrowForm(
  form: RequestForm,
  permissions: Record<string, FieldPermission>,
  changes: FormChanges
): RequestForm {
  for (const field of Object.keys(changes) as (keyof FormChanges)[]) {
    if (permissions[field] !== 'editable')
      refuse(field, '此节点不能修改该字段 / this node may not change this field')
  }
  const next = { ...form }
  if (changes.validUntil) {
    const wanted = DateTime.fromJSDate(changes.validUntil).toISODate()!
    const today = clock.now().setZone('Asia/Shanghai').toISODate()!
    if (wanted > form.validUntil || wanted <= today)
      refuse(
        'validUntil',
        `只能缩短有效期（今天之后、不晚于 ${form.validUntil}）/ may only be shortened (after today, not after ${form.validUntil})`
      )
    next.validUntil = wanted
  }
  if (changes.fields) {
    const extra = changes.fields.filter((field) => !form.fields.includes(field))
    if (extra.length || !changes.fields.length)
      refuse(
        'fields',
        `只能在申请的字段中删减 / may only remove requested fields: ${extra.join(', ')}`
      )
    next.fields = changes.fields
  }
  return next
}

/** Every field some node of the process hides: what a reviewer never reads on the request page. */
export async function hiddenFromReviewers(processKey: string) {
  const model = await processModel(processKey)
  const hidden: Record<string, FieldPermission> = {}
  for (const activityId of model?.activities.keys() ?? []) {
    const { fieldPermissions } = await nodeConfig(processKey, activityId)
    for (const [field, permission] of Object.entries(fieldPermissions))
      if (permission === 'hidden') hidden[field] = permission
  }
  return hidden
}
