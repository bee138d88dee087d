import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/*
 * The catalog's change token (table catalog_state). Every catalog write calls touchCatalog()
 * inside its own transaction; readers that cache derived state (the search index) rebuild
 * when the token they built from is no longer current.
 */
export async function touchCatalog(client: QueryClientContract = db.connection()): Promise<string> {
  const revision = randomUUID()
  await client.from('catalog_state').where('id', 1).update({ revision })
  return revision
}

export async function currentCatalogRevision(
  client: QueryClientContract = db.connection()
): Promise<string> {
  const row = await client.from('catalog_state').where('id', 1).select('revision').first()
  return row?.revision ?? 'missing'
}
