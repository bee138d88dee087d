import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('catalog_categories', (table) => {
      table.increments('id')
      table.string('code', 16).notNullable().unique()
      table.string('name_zh', 100).notNullable()
      table.string('name_en', 100).notNullable()
      table.integer('sort_order').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('catalog_subcategories', (table) => {
      table.increments('id')
      table
        .integer('category_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('catalog_categories')
      table.string('code', 32).notNullable().unique()
      table.string('name_zh', 100).notNullable()
      table.string('name_en', 100).notNullable()
      table.integer('sort_order').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['category_id'])
    })

    // Controlled vocabulary for dataset tags; free tags need no row here.
    this.schema.createTable('catalog_tags', (table) => {
      table.increments('id')
      table.string('code', 64).notNullable().unique()
      table.string('name_zh', 100).notNullable()
      table.string('name_en', 100).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    /*
     * One row whose token changes with every catalog write, in the writer's transaction.
     * Each app instance compares it with the token its in-memory search index was built
     * from; a random token (not a counter) stays correct when a write is rolled back.
     */
    this.schema.createTable('catalog_state', (table) => {
      table.integer('id').primary()
      table.string('revision', 36).notNullable()
    })

    this.defer(async (db) => {
      await db.table('catalog_state').insert({ id: 1, revision: 'initial' })
    })
  }

  async down() {
    this.schema.dropTable('catalog_state')
    this.schema.dropTable('catalog_tags')
    this.schema.dropTable('catalog_subcategories')
    this.schema.dropTable('catalog_categories')
  }
}
