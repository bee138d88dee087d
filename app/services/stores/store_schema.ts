import type { Knex } from 'knex'
import { addRecordLabelColumns } from '#services/catalog/record_labels'
import type { StoreDataset, StoreField } from '#services/stores/store_definition'

/*
 * DDL for typed stores, one code path for both databases. On MySQL/MariaDB the big time
 * series get monthly RANGE partitions so a station-month query touches one partition and
 * old months can be dropped or archived per partition; SQLite has no partitioning.
 */
export const PARTITION_FIRST_MONTH = { year: 2018, month: 1 }
/** Months are pre-created through this year; later rows land in `pmax` until a maintenance ALTER splits it. */
export const PARTITION_LAST_YEAR = 2028

export function isMysql(dialectName: string): boolean {
  return dialectName === 'mysql' || dialectName === 'mysql2'
}

function addColumn(table: Knex.CreateTableBuilder, field: StoreField) {
  const column = columnBuilder(table, field)
  if (field.nullable === false) column.notNullable()
  else column.nullable()
}

function columnBuilder(table: Knex.CreateTableBuilder, field: StoreField) {
  switch (field.storage) {
    case 'tinyint':
      return table.tinyint(field.name)
    case 'smallint':
      return table.smallint(field.name)
    case 'integer':
      return table.integer(field.name)
    case 'bigint':
      return table.bigInteger(field.name)
    case 'double':
      return table.double(field.name)
    case 'text':
      return table.text(field.name)
  }
  switch (field.type) {
    case 'integer':
      return table.integer(field.name)
    // Doubles, not DECIMAL: mysql2 returns DECIMAL as strings and the API must emit numbers.
    case 'decimal':
      return table.double(field.name)
    case 'boolean':
      return table.boolean(field.name)
    case 'date':
      return table.date(field.name)
    case 'datetime':
      return table.dateTime(field.name)
    default:
      return table.string(field.name, field.length ?? 64)
  }
}

export function createStore(
  schema: Knex.SchemaBuilder,
  dialectName: string,
  dataset: StoreDataset
) {
  const { storeTable: name, layout } = dataset
  schema.createTable(name, (table) => {
    if (!layout.primary) table.bigIncrements('id')
    for (const field of dataset.fields) addColumn(table, field)
    addRecordLabelColumns(table, name)
    if (layout.primary) table.primary(layout.primary)
    for (const [i, columns] of (layout.indexes ?? []).entries())
      table.index(columns, `${name}_i${i}`)
  })
  if (layout.partitionedBy && isMysql(dialectName)) {
    schema.raw(monthlyPartitionSql(name, layout.partitionedBy))
  }
}

export function dropStore(schema: Knex.SchemaBuilder, dataset: StoreDataset) {
  schema.dropTableIfExists(dataset.storeTable)
}

export function monthlyPartitionSql(table: string, column: string): string {
  const partitions: string[] = []
  for (let year = PARTITION_FIRST_MONTH.year; year <= PARTITION_LAST_YEAR; year++) {
    for (let month = 1; month <= 12; month++) {
      const next =
        month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
      partitions.push(
        `PARTITION p${year}${String(month).padStart(2, '0')} VALUES LESS THAN ('${next}')`
      )
    }
  }
  partitions.push('PARTITION pmax VALUES LESS THAN (MAXVALUE)')
  return `ALTER TABLE \`${table}\` PARTITION BY RANGE COLUMNS(\`${column}\`) (${partitions.join(', ')})`
}
