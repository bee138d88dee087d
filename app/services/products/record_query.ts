import type { StoreDataset, StoreField } from '#services/stores/store_definition'
import InvalidFilterException, { type FilterProblem } from '#exceptions/invalid_filter_exception'
import UnknownFieldsException from '#exceptions/unknown_fields_exception'
import {
  openRowCount,
  openRows,
  openRowsInOrder,
  publicFields,
} from '#services/products/product_catalog'
import { formatValue, parseValue } from '#services/products/record_values'

/*
 * The public records query of one product: `field=v` (equality), `field[gte]=` / `field[lte]=`
 * (ranges), `field[in]=a,b` (lists), `from`/`to` on the product's time field (from inclusive,
 * to exclusive), `sort=field` or `sort=-field`, `page`, `perPage` ≤ 500. Only the product's
 * filterable, non-sensitive fields can be used; anything else is refused, never ignored.
 */
export const MAX_PER_PAGE = 500
const MAX_IN_VALUES = 50
const MAX_OFFSET = 100_000
const OPERATORS = { eq: '=', gte: '>=', lte: '<=', lt: '<' } as const

type Operator = keyof typeof OPERATORS | 'in'

interface Condition {
  column: string
  operator: Operator
  value: string | number | (string | number)[]
}

export interface RecordQuery {
  conditions: Condition[]
  sort: { column: string; direction: 'asc' | 'desc' }[]
  page: number
  perPage: number
}

function positiveInt(
  raw: unknown,
  field: string,
  max: number,
  problems: FilterProblem[]
): number | undefined {
  if (raw === undefined) return undefined
  const value = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(value >= 1 && value <= max))
    problems.push({ field, rule: max === MAX_PER_PAGE ? 'range' : 'min' })
  return value
}

export function parseRecordQuery(
  product: StoreDataset,
  query: Record<string, unknown>
): RecordQuery {
  const filterable = new Map(
    publicFields(product)
      .filter((f) => f.filterable)
      .map((f) => [f.name, f])
  )
  const timeField = product.layout.timeField
    ? product.fields.find((f) => f.name === product.layout.timeField)
    : undefined
  const allowed = new Set([
    'page',
    'perPage',
    'sort',
    ...filterable.keys(),
    ...(timeField ? ['from', 'to'] : []),
  ])
  const unknown = Object.keys(query).filter((key) => !allowed.has(key))
  if (unknown.length > 0) throw new UnknownFieldsException(unknown)

  const problems: FilterProblem[] = []
  const conditions: Condition[] = []
  const add = (field: StoreField, operator: Operator, raw: unknown, name: string) => {
    // The query-string parser already splits `a,b` and repeated keys into arrays: both mean a list.
    if (Array.isArray(raw) && (operator === 'eq' || operator === 'in')) operator = 'in'
    else if (typeof raw !== 'string') return problems.push({ field: name, rule: 'string' })
    if (operator === 'in') {
      const items = Array.isArray(raw) ? raw : (raw as string).split(',')
      if (!items.every((item) => typeof item === 'string'))
        return problems.push({ field: name, rule: 'in' })
      const values = items.map((item: string) => parseValue(field, item))
      if (values.length > MAX_IN_VALUES || values.some((v) => v === undefined))
        return problems.push({ field: name, rule: 'in' })
      return conditions.push({ column: field.name, operator, value: values as (string | number)[] })
    }
    const value = parseValue(field, raw as string)
    if (value === undefined) return problems.push({ field: name, rule: field.type })
    conditions.push({ column: field.name, operator, value })
  }

  for (const [name, field] of filterable) {
    const raw = query[name]
    if (raw === undefined) continue
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [operator, value] of Object.entries(raw)) {
        if (operator === 'gte' || operator === 'lte' || operator === 'in')
          add(field, operator, value, `${name}[${operator}]`)
        else problems.push({ field: `${name}[${operator}]`, rule: 'operator' })
      }
    } else add(field, 'eq', raw, name)
  }
  if (timeField && query.from !== undefined) add(timeField, 'gte', query.from, 'from')
  // `to` is exclusive, so consecutive windows never overlap.
  if (timeField && query.to !== undefined) add(timeField, 'lt', query.to, 'to')

  const sort = parseSort(query.sort, filterable, problems) ?? defaultSort(product)
  const page = positiveInt(query.page, 'page', 100_000, problems) ?? 1
  const perPage = positiveInt(query.perPage, 'perPage', MAX_PER_PAGE, problems) ?? 50
  // Deep OFFSETs make the database walk and discard rows; narrower filters page further.
  if ((page - 1) * perPage > MAX_OFFSET) problems.push({ field: 'page', rule: 'maxOffset' })
  if (problems.length > 0) throw new InvalidFilterException(problems)
  return { conditions, sort, page, perPage }
}

function parseSort(raw: unknown, filterable: Map<string, StoreField>, problems: FilterProblem[]) {
  if (raw === undefined) return undefined
  const name = typeof raw === 'string' ? raw.replace(/^-/, '') : ''
  if (!filterable.has(name)) {
    problems.push({ field: 'sort', rule: 'sortable' })
    return undefined
  }
  return [{ column: name, direction: (raw as string).startsWith('-') ? 'desc' : 'asc' } as const]
}

/**
 * Newest first where there is a time field, the key columns in the same direction so one
 * (time, key) index serves the whole ORDER BY and pages stay stable.
 */
function defaultSort(product: StoreDataset): RecordQuery['sort'] {
  const { timeField, primary } = product.layout
  const keys = (primary ?? ['id']).filter((column) => column !== timeField)
  const direction = timeField ? ('desc' as const) : ('asc' as const)
  return [...(timeField ? [timeField] : []), ...keys].map((column) => ({ column, direction }))
}

function applyConditions(product: StoreDataset, conditions: Condition[], ordered = false) {
  const builder = ordered ? openRowsInOrder(product.storeTable) : openRows(product.storeTable)
  for (const { column, operator, value } of conditions) {
    if (operator === 'in') builder.whereIn(column, value as (string | number)[])
    else builder.where(column, OPERATORS[operator], value as string | number)
  }
  return builder
}

async function filteredCount(product: StoreDataset, query: RecordQuery): Promise<number> {
  const [row] = await applyConditions(product, query.conditions).count('* as total')
  return Number(row.total)
}

export async function findRecords(product: StoreDataset, query: RecordQuery) {
  const fields = publicFields(product)
  // Unfiltered totals come from the one-minute cache: counting a 100 M-row series is not per-request work.
  const total =
    query.conditions.length === 0
      ? await openRowCount(product.storeTable)
      : await filteredCount(product, query)
  const builder = applyConditions(product, query.conditions, true).select(fields.map((f) => f.name))
  for (const { column, direction } of query.sort) builder.orderBy(column, direction)
  const tiebreak = product.layout.primary ?? ['id']
  for (const column of tiebreak)
    if (!query.sort.some((s) => s.column === column)) builder.orderBy(column, 'asc')
  const rows = await builder.limit(query.perPage).offset((query.page - 1) * query.perPage)
  const count = Number(total)
  return {
    rows: rows.map((row: Record<string, unknown>) =>
      Object.fromEntries(fields.map((f) => [f.name, formatValue(f, row[f.name])]))
    ),
    meta: {
      total: count,
      perPage: query.perPage,
      currentPage: query.page,
      lastPage: Math.max(1, Math.ceil(count / query.perPage)),
    },
  }
}
