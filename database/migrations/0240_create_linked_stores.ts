import { BaseSchema } from '@adonisjs/lucid/schema'
import { createStore, dropStore } from '#services/stores/store_schema'
import { LINKED_DATASETS } from '#database/data/datasets/linked'

/** Linked stores of other city departments (weather, hydrology, planning…). */
export default class extends BaseSchema {
  async up() {
    for (const dataset of LINKED_DATASETS) createStore(this.schema, this.db.dialect.name, dataset)
  }

  async down() {
    for (const dataset of [...LINKED_DATASETS].reverse()) dropStore(this.schema, dataset)
  }
}
