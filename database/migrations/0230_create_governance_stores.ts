import { BaseSchema } from '@adonisjs/lucid/schema'
import { createStore, dropStore } from '#services/stores/store_schema'
import { GOVERNANCE_DATASETS } from '#database/data/datasets/governance'

/** Enforcement, emergency, policy and ecology stores. */
export default class extends BaseSchema {
  async up() {
    for (const dataset of GOVERNANCE_DATASETS)
      createStore(this.schema, this.db.dialect.name, dataset)
  }

  async down() {
    for (const dataset of [...GOVERNANCE_DATASETS].reverse()) dropStore(this.schema, dataset)
  }
}
