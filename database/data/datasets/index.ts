import { BASE_DATASETS } from '#database/data/datasets/base'
import { QUALITY_DATASETS } from '#database/data/datasets/environment_quality'
import { SOURCE_DATASETS } from '#database/data/datasets/pollution_sources'
import { GOVERNANCE_DATASETS } from '#database/data/datasets/governance'
import { LINKED_DATASETS } from '#database/data/datasets/linked'
import type { StoreDataset } from '#services/stores/store_definition'

/** Every dataset backed by a typed store, in creation order. */
export const STORE_DATASETS: StoreDataset[] = [
  ...BASE_DATASETS,
  ...QUALITY_DATASETS,
  ...SOURCE_DATASETS,
  ...GOVERNANCE_DATASETS,
  ...LINKED_DATASETS,
]

/** The open data products of the data supermarket (DOMAIN.md §6). */
export const PRODUCT_DATASETS = STORE_DATASETS.filter((dataset) => dataset.product)
