import db from '@adonisjs/lucid/services/db'
import type DatasetField from '#models/dataset_field'
import { previewLabelScope } from '#services/catalog/record_labels'
import type { ViewerKind } from '#services/catalog/catalog_viewer'

const LABEL_COLUMNS = ['sharing_scope', 'classification_level']
const columnCache = new Map<string, Set<string>>()

export interface DatasetSample {
  columns: string[]
  rows: Record<string, unknown>[]
}

/*
 * A few rows of a dataset's typed store, as the viewer may see them before any grant: only
 * records whose labels the viewer's scope allows (record_labels.ts), only columns the schema
 * declares, sensitive columns masked. A store without label columns yields no sample at all —
 * unlabelled rows are never shown.
 */
export async function datasetSample(
  storeTable: string | null,
  fields: DatasetField[],
  viewerKind: ViewerKind,
  limit = 5
): Promise<DatasetSample | null> {
  if (!storeTable) return null
  const available = await storeColumns(storeTable)
  if (!available || !LABEL_COLUMNS.every((column) => available.has(column))) return null

  const shown = fields.filter((field) => available.has(field.name))
  if (shown.length === 0) return null
  const scope = previewLabelScope(viewerKind)
  // No ORDER BY: on a 100 M-row series the label index answers a LIMIT without a sort.
  const rows = await db
    .from(storeTable)
    .select(shown.map((field) => field.name))
    .whereIn('sharing_scope', scope.sharingScopes)
    .whereIn('classification_level', scope.classificationLevels)
    .limit(limit)
  const sensitive = new Set(shown.filter((field) => field.isSensitive).map((field) => field.name))
  return {
    columns: shown.map((field) => field.name),
    rows: rows.map((row: Record<string, unknown>) =>
      Object.fromEntries(
        shown.map((field) => [
          field.name,
          sensitive.has(field.name) ? '***' : normalise(row[field.name]),
        ])
      )
    ),
  }
}

async function storeColumns(table: string): Promise<Set<string> | null> {
  const cached = columnCache.get(table)
  if (cached) return cached
  const client = db.connection()
  const sqlite = client.dialect.name.includes('sqlite')
  const result = sqlite
    ? await client.rawQuery('SELECT name FROM pragma_table_info(?)', [table])
    : await client.rawQuery(
        'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?',
        [table]
      )
  const rows: { name: string }[] = sqlite ? result : result[0]
  if (rows.length === 0) return null
  const columns = new Set(rows.map((row) => row.name))
  columnCache.set(table, columns)
  return columns
}

function normalise(value: unknown) {
  return value instanceof Date ? value.toISOString() : value
}
