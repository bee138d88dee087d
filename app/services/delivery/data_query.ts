import type { StoreDataset, StoreField } from '#services/stores/store_definition'
import InvalidFilterException, { type FilterProblem } from '#exceptions/invalid_filter_exception'
import UnknownFieldsException from '#exceptions/unknown_fields_exception'
import { parseValue } from '#services/products/record_values'

/*
 * The data API's query string, parsed against the dataset's schema (from code, never from
 * editable metadata): `F=v`, `F[gte|gt|lte|lt]=v`, `F[in]=a,b`, `from`/`to` on the time field,
 * `sort=F,-G`, `fields=F,G`, `limit`, `cursor`, `format`, `bom`. Every problem names its field.
 * Which fields the caller's grant allows is checked afterwards (403), not here.
 */
export const FORMATS = ['json', 'ndjson', 'csv'] as const
export type DataFormat = (typeof FORMATS)[number]
export const DEFAULT_LIMIT = 1000
export const MAX_LIMIT = 1_000_000
const MAX_IN_VALUES = 200
const CONTROL = new Set(['fields', 'sort', 'limit', 'cursor', 'format', 'bom', 'from', 'to'])
const OPERATORS = { eq: '=', gte: '>=', gt: '>', lte: '<=', lt: '<' } as const
export type Operator = keyof typeof OPERATORS | 'in'
export const SQL_OPERATORS = OPERATORS

export interface Condition {
  column: string
  operator: Operator
  value: string | number | (string | number)[]
}

export interface DataQuery {
  fields: string[]
  conditions: Condition[]
  sort: { column: string; direction: 'asc' | 'desc' }[]
  limit: number
  cursor: string | null
  format: DataFormat
  bom: boolean
  /** Every schema field the call touches (selected, filtered or sorted): checked against the grant. */
  touched: string[]
}

function list(raw: unknown): string[] | null {
  if (typeof raw === 'string')
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) return raw as string[]
  return null
}

export function parseDataQuery(dataset: StoreDataset, query: Record<string, unknown>): DataQuery {
  const schema = new Map(dataset.fields.map((f) => [f.name, f]))
  const unknown = Object.keys(query).filter((key) => !CONTROL.has(key) && !schema.has(key))
  if (unknown.length > 0) throw new UnknownFieldsException(unknown)

  const problems: FilterProblem[] = []
  const conditions: Condition[] = []
  const touched = new Set<string>()
  const add = (field: StoreField, operator: Operator, raw: unknown, name: string) => {
    touched.add(field.name)
    if (Array.isArray(raw) && (operator === 'eq' || operator === 'in')) operator = 'in'
    else if (typeof raw !== 'string') return problems.push({ field: name, rule: 'string' })
    if (operator === 'in') {
      const items = list(raw)
      const values = (items ?? []).map((item) => parseValue(field, item))
      if (!items?.length || values.length > MAX_IN_VALUES || values.some((v) => v === undefined))
        return problems.push({ field: name, rule: 'in' })
      return conditions.push({ column: field.name, operator, value: values as (string | number)[] })
    }
    const value = parseValue(field, raw as string)
    if (value === undefined) return problems.push({ field: name, rule: field.type })
    conditions.push({ column: field.name, operator, value })
  }

  for (const [name, field] of schema) {
    const raw = query[name]
    if (raw === undefined) continue
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [operator, value] of Object.entries(raw)) {
        if (operator in OPERATORS || operator === 'in')
          add(field, operator as Operator, value, `${name}[${operator}]`)
        else problems.push({ field: `${name}[${operator}]`, rule: 'operator' })
      }
    } else add(field, 'eq', raw, name)
  }
  const timeField = dataset.layout.timeField ? schema.get(dataset.layout.timeField) : undefined
  for (const [name, operator] of [
    ['from', 'gte'],
    ['to', 'lt'],
  ] as const) {
    if (query[name] === undefined) continue
    if (timeField) add(timeField, operator, query[name], name)
    else problems.push({ field: name, rule: 'noTimeField' })
  }

  const fields = parseFields(query.fields, dataset, problems)
  for (const name of fields) touched.add(name)
  const sort = parseSort(query.sort, dataset, problems)
  for (const { column } of sort) touched.add(column)
  const limit = parseLimit(query.limit, problems)
  const format = query.format ?? 'json'
  if (!FORMATS.includes(format as DataFormat)) problems.push({ field: 'format', rule: 'enum' })
  const bom = query.bom === undefined ? false : query.bom === 'true' || query.bom === '1'
  if (query.bom !== undefined && !['true', 'false', '1', '0'].includes(String(query.bom)))
    problems.push({ field: 'bom', rule: 'boolean' })
  const cursor = query.cursor === undefined ? null : query.cursor
  if (cursor !== null && (typeof cursor !== 'string' || cursor.length > 4000))
    problems.push({ field: 'cursor', rule: 'cursor' })
  if (problems.length > 0) throw new InvalidFilterException(problems)
  return {
    fields,
    conditions,
    sort,
    limit,
    cursor: cursor as string | null,
    format: format as DataFormat,
    bom,
    touched: [...touched],
  }
}

function parseFields(raw: unknown, dataset: StoreDataset, problems: FilterProblem[]): string[] {
  if (raw === undefined) return []
  const names = list(raw)
  const unknown = (names ?? ['']).filter((name) => !dataset.fields.some((f) => f.name === name))
  if (!names?.length || unknown.length) {
    problems.push({
      field: 'fields',
      rule: unknown.length ? `unknown:${unknown.join(',')}` : 'list',
    })
    return []
  }
  return [...new Set(names)]
}

/** Sorting needs non-null columns: keyset pagination compares the last row's values. */
function parseSort(raw: unknown, dataset: StoreDataset, problems: FilterProblem[]) {
  const { timeField, primary } = dataset.layout
  const keys = primary ?? ['id']
  const requested = raw === undefined ? null : list(raw)
  if (raw !== undefined && !requested?.length) problems.push({ field: 'sort', rule: 'list' })
  const sort = (requested ?? []).map((item) => {
    const column = item.replace(/^-/, '')
    const field = dataset.fields.find((f) => f.name === column)
    if (!field || (field.nullable !== false && !keys.includes(column)))
      problems.push({ field: 'sort', rule: `sortable:${column}` })
    return { column, direction: item.startsWith('-') ? ('desc' as const) : ('asc' as const) }
  })
  if (sort.length === 0) {
    const direction = timeField ? ('desc' as const) : ('asc' as const)
    if (timeField) sort.push({ column: timeField, direction })
    for (const column of keys) if (column !== timeField) sort.push({ column, direction })
    return sort
  }
  // The key columns make the order total, so a cursor never skips or repeats a row.
  for (const column of keys)
    if (!sort.some((s) => s.column === column)) sort.push({ column, direction: 'asc' })
  return sort
}

function parseLimit(raw: unknown, problems: FilterProblem[]): number {
  if (raw === undefined) return DEFAULT_LIMIT
  const value = typeof raw === 'string' && /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(value >= 1 && value <= MAX_LIMIT)) problems.push({ field: 'limit', rule: 'range' })
  return value
}
