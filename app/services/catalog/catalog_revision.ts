import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/*
 * The catalog's change token (catalog_state) and its chain (catalog_changes). Every catalog
 * write calls touchCatalog() in its own transaction; readers that cache derived state (the
 * search index) compare tokens and replay the chain to refresh only what changed.
 */
const KEEP_CHANGES = 2000

/** `datasetId` null: a change every dataset's search document depends on (taxonomy, vocabulary). */
export async function touchCatalog(
  client: QueryClientContract = db.connection(),
  datasetId: number | null = null
): Promise<string> {
  const sqlite = client.dialect.name.includes('sqlite')
  const query = client.from('catalog_state').where('id', 1)
  // Serialises writers on MySQL so the chain never forks; SQLite has one writer anyway.
  const state = await (sqlite ? query : query.forUpdate()).select('revision').firstOrFail()
  const revision = randomUUID()
  await client.from('catalog_state').where('id', 1).update({ revision })
  const [id] = await client
    .table('catalog_changes')
    .insert({ previous_revision: state.revision, revision, dataset_id: datasetId })
  if (Number(id) > KEEP_CHANGES) {
    await client
      .from('catalog_changes')
      .where('id', '<=', Number(id) - KEEP_CHANGES)
      .delete()
  }
  return revision
}

export async function currentCatalogRevision(
  client: QueryClientContract = db.connection()
): Promise<string> {
  const row = await client.from('catalog_state').where('id', 1).select('revision').first()
  return row?.revision ?? 'missing'
}

/**
 * The datasets changed between two tokens, or null when the chain from `from` to `to` cannot be
 * followed (a write was rolled back, pruned history, or a change that touches every document).
 */
export async function changedDatasetsBetween(
  client: QueryClientContract,
  from: string,
  to: string,
  limit = 500
): Promise<number[] | null> {
  const anchor = await client.from('catalog_changes').where('revision', from).select('id').first()
  if (!anchor) return null
  const rows = await client
    .from('catalog_changes')
    .where('id', '>', anchor.id)
    .orderBy('id')
    .limit(limit + 1)
  if (rows.length > limit) return null
  const changed = new Set<number>()
  let previous = from
  for (const row of rows) {
    if (row.previous_revision !== previous || row.dataset_id === null) return null
    changed.add(row.dataset_id)
    previous = row.revision
    if (previous === to) return [...changed]
  }
  return null
}
