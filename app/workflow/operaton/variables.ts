import type { Variables } from '#workflow/types'
import { isoDate } from '#workflow/operaton/http_client'

/** Operaton's typed value as the REST API and the external-task client exchange it. */
export interface TypedValue {
  value: unknown
  type: string
  valueInfo?: Record<string, unknown>
}

const INT_MAX = 2 ** 31 - 1

/*
 * Lists and objects travel as Object values in JSON (the engine's ecoshare-json serializer turns
 * them into java.util lists and maps), so ${ownerReviews} is a multi-instance collection and
 * ${ownerReview.group} reads a map entry.
 */
export function toTypedValue(value: unknown): TypedValue {
  if (value === null || value === undefined) return { value: null, type: 'Null' }
  if (typeof value === 'string') return { value, type: 'String' }
  if (typeof value === 'boolean') return { value, type: 'Boolean' }
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return { value, type: 'Double' }
    return { value, type: Math.abs(value) <= INT_MAX ? 'Integer' : 'Long' }
  }
  if (value instanceof Date) return { value: value.toISOString(), type: 'String' }
  return {
    value: JSON.stringify(value),
    type: 'Object',
    valueInfo: {
      objectTypeName: Array.isArray(value) ? 'java.util.ArrayList' : 'java.util.LinkedHashMap',
      serializationDataFormat: 'application/json',
    },
  }
}

export function toTypedVariables(variables: Variables = {}): Record<string, TypedValue> {
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [name, toTypedValue(value)])
  )
}

/** Reads values fetched with deserializeValues=false (JSON objects arrive as their text). */
export function fromTypedValue(typed: TypedValue): unknown {
  const type = typed.type.toLowerCase()
  if (type === 'null' || typed.value === null || typed.value === undefined) return null
  if ((type === 'object' || type === 'json') && typeof typed.value === 'string') {
    const format = typed.valueInfo?.serializationDataFormat
    if (type === 'json' || format === 'application/json') return JSON.parse(typed.value)
    return typed.value
  }
  if (type === 'date' && typeof typed.value === 'string') return isoDate(typed.value)
  return typed.value
}

export function fromTypedVariables(typed: Record<string, TypedValue> | null | undefined) {
  const variables: Variables = {}
  for (const [name, value] of Object.entries(typed ?? {})) variables[name] = fromTypedValue(value)
  return variables
}
