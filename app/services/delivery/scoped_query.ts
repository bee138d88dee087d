import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type Grant from '#models/grant'
import type GrantDataset from '#models/grant_dataset'
import type { StoreDataset } from '#services/stores/store_definition'
import { parseValue } from '#services/products/record_values'
import { SQL_OPERATORS, type DataQuery } from '#services/delivery/data_query'
import { SCOPE_COLUMNS, type ScopeDimension } from '#services/delivery/grant_terms'

type Builder = DatabaseQueryBuilderContract<any>

/** Row-scope dimensions and the store column that expresses each. */
const DIMENSIONS = Object.entries(SCOPE_COLUMNS) as [ScopeDimension, string][]

/*
 * The grant's row scope as SQL predicates: record labels, then each scope dimension. A
 * dimension the dataset has no column for matches no row (fail closed), as does a time range
 * on a dataset without a time field.
 */
export function applyGrantScope(
  builder: Builder,
  dataset: StoreDataset,
  grant: Grant,
  grantDataset: GrantDataset
) {
  const has = (column: string) => dataset.fields.some((f) => f.name === column)
  builder
    .whereIn('sharing_scope', grantDataset.labelScope.sharingScopes)
    .whereIn('classification_level', grantDataset.labelScope.classificationLevels)
  const scope = grant.rowScope
  for (const [dimension, column] of DIMENSIONS) {
    const values = scope[dimension] as string[] | undefined
    if (!values?.length) continue
    if (has(column)) builder.whereIn(column, values)
    else builder.whereRaw('1 = 0')
  }
  const timeField = dataset.fields.find((f) => f.name === dataset.layout.timeField)
  for (const [bound, operator] of [
    ['from', '>='],
    ['to', '<'],
  ] as const) {
    const raw = scope[bound]
    if (!raw) continue
    const value = timeField ? parseValue(timeField, raw) : undefined
    if (timeField && value !== undefined) builder.where(timeField.name, operator, value)
    else builder.whereRaw('1 = 0')
  }
  return builder
}

/** Keyset condition "after the last row" for an ORDER BY of mixed directions. */
function applyAfter(builder: Builder, sort: DataQuery['sort'], after: (string | number)[]) {
  builder.where((outer) => {
    sort.forEach((_, index) => {
      outer.orWhere((inner) => {
        for (let i = 0; i < index; i++) inner.where(sort[i].column, after[i])
        const { column, direction } = sort[index]
        inner.where(column, direction === 'asc' ? '>' : '<', after[index])
      })
    })
  })
}

/** Columns read: the selection plus the sort keys the cursor needs (stripped from output). */
export function selectedColumns(
  query: DataQuery,
  grantDataset: GrantDataset,
  dataset: StoreDataset
) {
  const output =
    query.fields.length > 0
      ? query.fields
      : dataset.fields.map((f) => f.name).filter((name) => grantDataset.fields.includes(name))
  const read = [...new Set([...output, ...query.sort.map((s) => s.column)])]
  return { output, read }
}

export function scopedQuery(
  dataset: StoreDataset,
  access: { grant: Grant; grantDataset: GrantDataset },
  query: DataQuery,
  read: string[],
  after: (string | number)[] | null,
  limit: number
) {
  const builder = db.from(dataset.storeTable).select(read)
  applyGrantScope(builder, dataset, access.grant, access.grantDataset)
  for (const { column, operator, value } of query.conditions) {
    if (operator === 'in') builder.whereIn(column, value as (string | number)[])
    else builder.where(column, SQL_OPERATORS[operator], value as string | number)
  }
  if (after) applyAfter(builder, query.sort, after)
  for (const { column, direction } of query.sort) builder.orderBy(column, direction)
  return builder.limit(limit)
}
