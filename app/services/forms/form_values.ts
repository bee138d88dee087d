import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import AppException from '#exceptions/app_exception'
import UnknownFieldsException from '#exceptions/unknown_fields_exception'

/*
 * Server-side check of a task's form values against its Formily JSON schema (forms/<key>.json):
 * the browser renders the same schema, the server never trusts it. Covers what our schemas use:
 * required, string/number/boolean/array types, maxLength, minimum/maximum, enum.
 */
interface FieldSchema {
  type?: string
  title?: string
  required?: boolean
  maxLength?: number
  minimum?: number
  maximum?: number
  enum?: (string | number | { value: string | number })[]
  items?: { type?: string }
}

interface FormSchema {
  properties: Record<string, FieldSchema>
}

const cache = new Map<string, FormSchema>()

export function formSchema(formKey: string): FormSchema {
  let schema = cache.get(formKey)
  if (!schema) {
    if (!/^[a-z0-9_]+$/.test(formKey)) throw new AppException('E_NOT_FOUND', 404)
    schema = JSON.parse(
      readFileSync(app.makePath('forms', `${formKey}.json`), 'utf8')
    ) as FormSchema
    cache.set(formKey, schema)
  }
  return schema
}

const empty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)

function typeOk(type: string | undefined, value: unknown) {
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'array':
      return Array.isArray(value)
    default:
      return true
  }
}

/** The values, trimmed; 422 listing every field that fails, 422 E_UNKNOWN_FIELDS for extras. */
export function validateFormValues(formKey: string, values: Record<string, unknown>) {
  const { properties } = formSchema(formKey)
  const unknown = Object.keys(values).filter((key) => !(key in properties))
  if (unknown.length) throw new UnknownFieldsException(unknown)
  const details: { field: string; rule: string; message: string }[] = []
  const clean: Record<string, unknown> = {}
  for (const [field, schema] of Object.entries(properties)) {
    let value = values[field]
    if (typeof value === 'string') value = value.trim()
    const label = schema.title ?? field
    if (empty(value)) {
      if (schema.required)
        details.push({ field, rule: 'required', message: `${label}：必填 / required` })
      continue
    }
    if (!typeOk(schema.type, value)) {
      details.push({
        field,
        rule: 'type',
        message: `${label}：须为 ${schema.type} / must be a ${schema.type}`,
      })
      continue
    }
    if (schema.type === 'array' && schema.items?.type) {
      if (!(value as unknown[]).every((item) => typeOk(schema.items!.type, item)))
        details.push({ field, rule: 'items', message: `${label}：元素类型不符 / wrong item type` })
    }
    if (
      schema.maxLength !== undefined &&
      typeof value === 'string' &&
      value.length > schema.maxLength
    )
      details.push({
        field,
        rule: 'maxLength',
        message: `${label}：最多 ${schema.maxLength} 字 / at most ${schema.maxLength} characters`,
      })
    if (typeof value === 'number') {
      if (schema.minimum !== undefined && value < schema.minimum)
        details.push({
          field,
          rule: 'minimum',
          message: `${label}：不小于 ${schema.minimum} / at least ${schema.minimum}`,
        })
      if (schema.maximum !== undefined && value > schema.maximum)
        details.push({
          field,
          rule: 'maximum',
          message: `${label}：不大于 ${schema.maximum} / at most ${schema.maximum}`,
        })
    }
    if (schema.enum) {
      const allowed = schema.enum.map((e) => (typeof e === 'object' ? e.value : e))
      if (!allowed.includes(value as string | number))
        details.push({
          field,
          rule: 'enum',
          message: `${label}：取值无效 / not one of ${allowed.join(', ')}`,
        })
    }
    clean[field] = value
  }
  if (details.length) throw new AppException('E_VALIDATION', 422, { details })
  return clean
}
