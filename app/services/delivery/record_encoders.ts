import type { StoreField } from '#services/stores/store_definition'
import { formatValue } from '#services/products/record_values'
import type { DataFormat } from '#services/delivery/data_query'

type Row = Record<string, unknown>

/*
 * Output formats, each written batch by batch: JSON (`{"data":[…],"meta":{…}}`, the meta after
 * the rows), NDJSON (one row a line, a final `{"meta":…}` line) and CSV (UTF-8, optional BOM
 * for Excel; the next cursor goes in the X-Next-Cursor trailer).
 */
export interface Encoder {
  contentType: string
  head(): string
  rows(batch: Row[]): string
  tail(meta: { rows: number; nextCursor: string | null }): string
}

function shaper(fields: StoreField[]) {
  return (row: Row) => {
    const out: Row = {}
    for (const field of fields) out[field.name] = formatValue(field, row[field.name])
    return out
  }
}

const FORMULA = /^[=+\-@\t\r]/

/** RFC 4180 quoting; text starting like a formula is prefixed so Excel shows it as text. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function encoderFor(format: DataFormat, fields: StoreField[], bom: boolean): Encoder {
  const shape = shaper(fields)
  if (format === 'csv') {
    return {
      contentType: 'text/csv; charset=utf-8',
      head: () => (bom ? '\uFEFF' : '') + fields.map((f) => csvCell(f.name)).join(',') + '\r\n',
      rows: (batch) =>
        batch
          .map((row) => fields.map((f) => csvCell(formatValue(f, row[f.name]))).join(',') + '\r\n')
          .join(''),
      tail: () => '',
    }
  }
  if (format === 'ndjson') {
    return {
      contentType: 'application/x-ndjson; charset=utf-8',
      head: () => '',
      rows: (batch) => batch.map((row) => JSON.stringify(shape(row)) + '\n').join(''),
      tail: (meta) => JSON.stringify({ meta }) + '\n',
    }
  }
  let first = true
  return {
    contentType: 'application/json; charset=utf-8',
    head: () => '{"data":[',
    rows: (batch) => {
      const text = batch.map((row) => JSON.stringify(shape(row))).join(',')
      const out = first || text === '' ? text : `,${text}`
      if (text) first = false
      return out
    },
    tail: (meta) => `],"meta":${JSON.stringify(meta)}}`,
  }
}
