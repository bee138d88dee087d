import db from '@adonisjs/lucid/services/db'
import { PRODUCT_DATASETS } from '#database/data/datasets/index'
import { PUBLIC_LABELS } from '#services/catalog/record_labels'
import type { StoreDataset, StoreField } from '#services/stores/store_definition'
import ProductNotFoundException from '#exceptions/product_not_found_exception'
import clock from '#services/clock'

/*
 * The open data products (数据超市). Their schema comes from code, never from editable
 * metadata, so the columns a public caller can filter or read are fixed at build time.
 * Every public query starts from `openRows()`: rows labelled open AND public, nothing else.
 */
export function findProduct(code: string): StoreDataset {
  const product = PRODUCT_DATASETS.find((dataset) => dataset.code === code.toUpperCase())
  if (!product) throw new ProductNotFoundException(code)
  return product
}

/*
 * A product is served only while its catalog entry is published and open: a catalog admin
 * who retires or closes the dataset takes it off the public API at once.
 */
export async function publishedProducts(): Promise<StoreDataset[]> {
  const rows = await db
    .from('datasets')
    .whereIn(
      'code',
      PRODUCT_DATASETS.map((dataset) => dataset.code)
    )
    .where('is_open', true)
    .where('status', 'published')
    .select('code')
  const live = new Set(rows.map((row) => row.code as string))
  return PRODUCT_DATASETS.filter((dataset) => live.has(dataset.code))
}

export async function findPublishedProduct(code: string): Promise<StoreDataset> {
  const product = findProduct(code)
  const live = await publishedProducts()
  if (!live.some((dataset) => dataset.code === product.code))
    throw new ProductNotFoundException(code)
  return product
}

/** Columns a public caller receives: declared and not sensitive. */
export function publicFields(product: StoreDataset): StoreField[] {
  return product.fields.filter((field) => !field.sensitive)
}

export function openRows(table: string) {
  return db
    .from(table)
    .where('sharing_scope', PUBLIC_LABELS.sharing_scope)
    .where('classification_level', PUBLIC_LABELS.classification_level)
}

/*
 * The same rows for ordered listings. Nearly every row is open, so the label index selects
 * everything; planners still pick it for the equality and then sort millions of rows. Wrapping
 * the (NOT NULL) columns in COALESCE keeps the meaning and lets the time or key index drive.
 */
export function openRowsInOrder(table: string) {
  return db
    .from(table)
    .whereRaw('COALESCE(sharing_scope, ?) = ? AND COALESCE(classification_level, ?) = ?', [
      '',
      PUBLIC_LABELS.sharing_scope,
      '',
      PUBLIC_LABELS.classification_level,
    ])
}

const COUNT_TTL_MS = 60_000
const counts = new Map<string, { value: number; at: number }>()

/** Open-row count per product, cached for a minute: the product list is the hottest public page. */
export async function openRowCount(table: string): Promise<number> {
  const cached = counts.get(table)
  if (cached && clock.nowMs() - cached.at < COUNT_TTL_MS) return cached.value
  const [row] = await openRows(table).count('* as total')
  const value = Number(row.total)
  counts.set(table, { value, at: clock.nowMs() })
  return value
}

/** Drops cached counts (after the generator or a test writes rows). */
export function forgetCounts() {
  counts.clear()
}
