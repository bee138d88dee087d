import { DateTime } from 'luxon'
import type { StoreField } from '#services/stores/store_definition'

/*
 * Values between the API and the stores. Stored times are UTC text ('YYYY-MM-DD HH:MM:SS')
 * on SQLite and DATETIME on MySQL (returned as Date); the API speaks ISO 8601 either way.
 */
const INTEGER = /^-?\d{1,15}$/
const DECIMAL = /^-?\d{1,15}(\.\d{1,10})?$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const CITY_ZONE = 'Asia/Shanghai'

/** Output: booleans as booleans, dates as YYYY-MM-DD, date-times as ISO UTC. */
export function formatValue(field: StoreField, value: unknown): unknown {
  if (value === null || value === undefined) return null
  switch (field.type) {
    case 'boolean':
      return Boolean(Number(value))
    case 'integer':
    case 'decimal':
      return Number(value)
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)
    case 'datetime': {
      const iso =
        value instanceof Date ? value.toISOString() : `${String(value).replace(' ', 'T')}Z`
      return iso.replace(/\.\d{3}Z$/, 'Z')
    }
    default:
      return value
  }
}

/**
 * Input: a query-string value as the store compares it, or undefined when malformed.
 * Dates without a zone are China time (the city's calendar), converted to stored UTC.
 */
export function parseValue(
  field: Pick<StoreField, 'type'>,
  raw: string
): string | number | undefined {
  const text = raw.trim()
  switch (field.type) {
    case 'integer':
      return INTEGER.test(text) ? Number(text) : undefined
    case 'decimal':
      return DECIMAL.test(text) ? Number(text) : undefined
    case 'boolean':
      return ['true', '1'].includes(text) ? 1 : ['false', '0'].includes(text) ? 0 : undefined
    case 'date': {
      if (!ISO_DATE.test(text)) return undefined
      return DateTime.fromISO(text).isValid ? text : undefined
    }
    case 'datetime': {
      const parsed = DateTime.fromISO(text, { zone: CITY_ZONE })
      return parsed.isValid ? parsed.toUTC().toFormat('yyyy-MM-dd HH:mm:ss') : undefined
    }
    default:
      return text.length > 0 && text.length <= 100 ? text : undefined
  }
}
