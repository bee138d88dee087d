import type { StoreField } from '#services/stores/store_definition'
import type { DataFormat } from '#services/delivery/data_query'

type Row = Record<string, unknown>

/*
 * Output formats, each written batch by batch: JSON (`{"data":[…],"meta":{…}}`, the meta after
 * the rows), NDJSON (one row a line, a final `{"meta":…}` line) and CSV (UTF-8, optional BOM
 * for Excel; the next cursor goes in the X-Next-Cursor trailer). Values as in the public API
 * (record_values.ts): numbers as numbers, ISO UTC date-times. Each field gets its serialiser
 * once per call, so a row costs string concatenation, not an object and a JSON.stringify.
 */
export interface Encoder<R = Row> {
  contentType: string
  head(): string
  rows(batch: R[]): string
  tail(meta: { rows: number; nextCursor: string | null }): string
}

type Text = (value: unknown) => string | null

/** The value as JSON/CSV text without quoting, or null for SQL NULL. */
export function textOf(field: StoreField): Text {
  switch (field.type) {
    case 'integer':
    case 'decimal':
      // mysql2 returns DECIMAL as text; Number() normalises "35.50" to 35.5.
      return (value) =>
        value === null || value === undefined
          ? null
          : typeof value === 'number'
            ? String(value)
            : String(Number(value))
    case 'boolean':
      return (value) =>
        value === null || value === undefined ? null : String(Boolean(Number(value)))
    case 'date':
      return (value) =>
        value === null || value === undefined
          ? null
          : value instanceof Date
            ? value.toISOString().slice(0, 10)
            : String(value).slice(0, 10)
    case 'datetime':
      return (value) => {
        if (value === null || value === undefined) return null
        // Stores keep whole seconds, so the milliseconds are always .000.
        if (value instanceof Date) return `${value.toISOString().slice(0, 19)}Z`
        const text = String(value)
        // SQLite's stored form 'YYYY-MM-DD HH:MM:SS' is by far the common case.
        if (text.length === 19) return `${text.slice(0, 10)}T${text.slice(11)}Z`
        return `${text.replace(' ', 'T')}Z`.replace(/\.\d{3}Z$/, 'Z')
      }
    default:
      return (value) => (value === null || value === undefined ? null : String(value))
  }
}

const QUOTED = new Set(['string', 'date', 'datetime'])
const PLAIN = /^[\w .:\-+/]*$/

/** JSON string literal; most store values need no escaping at all. */
function jsonString(text: string) {
  return PLAIN.test(text) ? `"${text}"` : JSON.stringify(text)
}

/** Where a field's value sits in a row: its name in a row object, its index in a row array. */
type Key = string | number

function jsonRow<R>(fields: StoreField[], keys: Key[]) {
  const parts = fields.map((field, index) => ({
    at: keys[index],
    key: `${index === 0 ? '{' : ','}${JSON.stringify(field.name)}:`,
    text: textOf(field),
    quoted: QUOTED.has(field.type),
  }))
  return (row: R) => {
    let out = ''
    for (const part of parts) {
      const text = part.text((row as any)[part.at])
      out += part.key + (text === null ? 'null' : part.quoted ? jsonString(text) : text)
    }
    return out + '}'
  }
}

const FORMULA = /^[=+\-@\t\r]/
const SPECIAL = /^[=+\-@\t\r]|[",\r\n]/

/** RFC 4180 quoting; text starting like a formula is prefixed so Excel shows it as text. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value !== 'string' || !SPECIAL.test(text)) return text
  if (FORMULA.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function csvRow<R>(fields: StoreField[], keys: Key[]) {
  // Numbers, dates and times we format ourselves never need quoting; text from the store may.
  const parts = fields.map((field, index) => ({
    at: keys[index],
    text: textOf(field),
    quoted: field.type === 'string',
  }))
  return (row: R) => {
    let out = ''
    let first = true
    for (const part of parts) {
      const text = part.text((row as any)[part.at])
      if (!first) out += ','
      first = false
      if (text !== null) out += part.quoted ? csvCell(text) : text
    }
    return out + '\r\n'
  }
}

/** Rows as objects keyed by field name (what Lucid and knex return). */
export function encoderFor(format: DataFormat, fields: StoreField[], bom: boolean): Encoder {
  return encoderOver<Row>(
    format,
    fields,
    bom,
    fields.map((f) => f.name)
  )
}

/** Rows as arrays whose first values are the fields in order (row_stream's rowArrayBatches). */
export function arrayEncoderFor(
  format: DataFormat,
  fields: StoreField[],
  bom: boolean
): Encoder<unknown[]> {
  return encoderOver<unknown[]>(
    format,
    fields,
    bom,
    fields.map((_, index) => index)
  )
}

function encoderOver<R>(
  format: DataFormat,
  fields: StoreField[],
  bom: boolean,
  keys: Key[]
): Encoder<R> {
  if (format === 'csv') {
    const line = csvRow<R>(fields, keys)
    return {
      contentType: 'text/csv; charset=utf-8',
      head: () => (bom ? '\uFEFF' : '') + fields.map((f) => csvCell(f.name)).join(',') + '\r\n',
      rows: (batch) => {
        let out = ''
        for (const row of batch) out += line(row)
        return out
      },
      tail: () => '',
    }
  }
  const json = jsonRow<R>(fields, keys)
  if (format === 'ndjson') {
    return {
      contentType: 'application/x-ndjson; charset=utf-8',
      head: () => '',
      rows: (batch) => {
        let out = ''
        for (const row of batch) out += json(row) + '\n'
        return out
      },
      tail: (meta) => JSON.stringify({ meta }) + '\n',
    }
  }
  let first = true
  return {
    contentType: 'application/json; charset=utf-8',
    head: () => '{"data":[',
    rows: (batch) => {
      let out = ''
      for (const row of batch) {
        out += (first ? '' : ',') + json(row)
        first = false
      }
      return out
    },
    tail: (meta) => `],"meta":${JSON.stringify(meta)}}`,
  }
}
