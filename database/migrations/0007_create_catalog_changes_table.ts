import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  /*
   * The chain of catalog change tokens: each write records the token it replaced, the new one
   * and the dataset it touched (null: something every document depends on, such as a category
   * name). An instance whose search index is at token T replays the chain from T and reloads
   * only those datasets; a broken chain (a rolled-back write) means a full rebuild.
   */
  async up() {
    this.schema.createTable('catalog_changes', (table) => {
      table.bigIncrements('id')
      table.string('previous_revision', 36).notNullable()
      table.string('revision', 36).notNullable().unique()
      table.integer('dataset_id').unsigned().nullable()
    })
  }

  async down() {
    this.schema.dropTable('catalog_changes')
  }
}
