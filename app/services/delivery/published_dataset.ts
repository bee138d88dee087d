import Dataset from '#models/dataset'
import { STORE_DATASETS } from '#database/data/datasets/index'
import type { StoreDataset } from '#services/stores/store_definition'
import AppException from '#exceptions/app_exception'

/** The store behind a published catalog dataset; its schema comes from code. */
export async function findDataset(code: string): Promise<StoreDataset> {
  const upper = code.toUpperCase()
  const dataset = STORE_DATASETS.find((d) => d.code === upper)
  const published = dataset
    ? await Dataset.query().where('code', upper).where('status', 'published').first()
    : null
  if (!dataset || !published)
    throw new AppException('E_DATASET_NOT_FOUND', 404, { params: { code } })
  return dataset
}
