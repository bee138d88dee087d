import { BaseSchema } from '@adonisjs/lucid/schema'
import { createStore, dropStore } from '#services/stores/store_schema'
import { BASE_DATASETS } from '#database/data/datasets/base'

/** Base stores: air stations, water sections, key enterprises, permits, outlets. */
export default class extends BaseSchema {
  async up() {
    for (const dataset of BASE_DATASETS) createStore(this.schema, this.db.dialect.name, dataset)
  }

  async down() {
    for (const dataset of [...BASE_DATASETS].reverse()) dropStore(this.schema, dataset)
  }
}
