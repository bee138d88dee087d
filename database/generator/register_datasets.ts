import { STORE_DATASETS } from '#database/data/datasets/index'
import { toDatasetDefinition } from '#services/stores/store_definition'

/** Registers (upserts) every store dataset in the catalog; returns how many. */
export async function registerStoreDatasets(): Promise<number> {
  const { upsertDataset } = await import('#services/catalog/upsert_dataset')
  for (const dataset of STORE_DATASETS) await upsertDataset(toDatasetDefinition(dataset))
  return STORE_DATASETS.length
}
