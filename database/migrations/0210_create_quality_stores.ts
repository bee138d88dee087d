import { BaseSchema } from '@adonisjs/lucid/schema'
import { createStore, dropStore } from '#services/stores/store_schema'
import { QUALITY_DATASETS } from '#database/data/datasets/environment_quality'

/** Environmental-quality stores; air hourly is partitioned by month on MySQL. */
export default class extends BaseSchema {
  async up() {
    for (const dataset of QUALITY_DATASETS) createStore(this.schema, this.db.dialect.name, dataset)
  }

  async down() {
    for (const dataset of [...QUALITY_DATASETS].reverse()) dropStore(this.schema, dataset)
  }
}
