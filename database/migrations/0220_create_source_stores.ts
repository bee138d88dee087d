import { BaseSchema } from '@adonisjs/lucid/schema'
import { createStore, dropStore } from '#services/stores/store_schema'
import { SOURCE_DATASETS } from '#database/data/datasets/pollution_sources'

/** Pollution-source stores; online monitoring is partitioned by month on MySQL. */
export default class extends BaseSchema {
  async up() {
    for (const dataset of SOURCE_DATASETS) createStore(this.schema, this.db.dialect.name, dataset)
  }

  async down() {
    for (const dataset of [...SOURCE_DATASETS].reverse()) dropStore(this.schema, dataset)
  }
}
