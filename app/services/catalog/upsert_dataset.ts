import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import SaveDataset, { type SaveResult } from '#actions/catalog/save_dataset'
import { SYSTEM_ACTOR, type AuditActor } from '#services/audit/audit_log'
import type { DatasetDefinition } from '#services/catalog/dataset_definition'
import { createDatasetValidator } from '#validators/catalog'

/*
 * Declares a dataset from code (demo-data generator, product seeds): creates it, or brings the
 * stored metadata in line with the definition. Idempotent — a definition equal to what is
 * stored writes nothing — so generators can run again. Validated exactly like the admin API;
 * a bad definition throws (VineJS E_VALIDATION_ERROR or AppException E_VALIDATION with details).
 */
export async function upsertDataset(
  def: DatasetDefinition,
  options: { actor?: AuditActor; client?: TransactionClientContract } = {}
): Promise<SaveResult> {
  const { storeTable, product, ...metadata } = def
  const validated = await createDatasetValidator.validate(metadata)
  const normalised: DatasetDefinition = { ...validated, storeTable, product: product ?? null }
  const actor = options.actor ?? SYSTEM_ACTOR
  const action = new SaveDataset()
  if (options.client) return action.upsert(normalised, actor, options.client)
  return db.transaction((trx) => action.upsert(normalised, actor, trx))
}
