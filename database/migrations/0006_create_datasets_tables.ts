import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    /*
     * Data resources (数据资源). Exactly one provider organisation per dataset (一数一源).
     * Dates of coverage are ISO strings so both databases return the same value; list-valued
     * metadata that is never queried by element (districts, delivery modes) is JSON text.
     */
    this.schema.createTable('datasets', (table) => {
      table.increments('id')
      table.string('code', 64).notNullable().unique()
      table.string('name_zh', 200).notNullable()
      table.string('name_en', 200).notNullable()
      table.text('description').notNullable()
      table
        .integer('category_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('catalog_categories')
      table
        .integer('subcategory_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('catalog_subcategories')
      table
        .integer('provider_organisation_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('organisations')
      table.string('source_system', 200).notNullable()
      table.string('format', 16).notNullable()
      table.string('update_frequency', 16).notNullable()
      table.string('time_coverage_start', 10).nullable()
      table.string('time_coverage_end', 10).nullable()
      table.text('spatial_coverage').notNullable()
      table.string('sharing_attribute', 16).notNullable()
      table.text('legal_basis').nullable()
      table.string('grade', 16).notNullable()
      table.string('secrecy_label', 16).nullable()
      table.boolean('is_open').notNullable().defaultTo(false)
      table.string('delivery_modes', 200).notNullable()
      table.string('contact_name', 100).notNullable()
      // Contact phone may be a person's mobile: encrypted at rest (SECURITY.md 17).
      table.text('contact_phone_encrypted').nullable()
      table.string('contact_email', 254).nullable()
      // Typed store table and product preview are set from code only, never through the API.
      table.string('store_table', 64).nullable()
      table.string('product_preview_key', 64).nullable()
      table.string('status', 16).notNullable().defaultTo('published')
      // Optimistic lock and metadata version: bumped by every change, recorded in dataset_revisions.
      table.integer('version').notNullable().defaultTo(1)
      table.integer('created_by').unsigned().nullable().references('id').inTable('users')
      table.integer('updated_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['category_id'])
      table.index(['subcategory_id'])
      table.index(['provider_organisation_id'])
      table.index(['status', 'is_open'])
    })

    this.schema.createTable('dataset_fields', (table) => {
      table.increments('id')
      table
        .integer('dataset_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('datasets')
        .onDelete('CASCADE')
      table.integer('position').notNullable()
      table.string('name', 64).notNullable()
      table.string('label_zh', 100).notNullable()
      table.string('label_en', 100).notNullable()
      table.string('type', 16).notNullable()
      table.string('unit', 32).nullable()
      table.string('description', 500).nullable()
      table.boolean('is_sensitive').notNullable().defaultTo(false)
      table.boolean('is_filterable').notNullable().defaultTo(false)
      table.unique(['dataset_id', 'name'])
    })

    this.schema.createTable('dataset_tags', (table) => {
      table.increments('id')
      table
        .integer('dataset_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('datasets')
        .onDelete('CASCADE')
      table.string('kind', 16).notNullable()
      table.string('tag', 64).notNullable()
      table.unique(['dataset_id', 'kind', 'tag'])
      table.index(['kind', 'tag'])
    })

    // Metadata history: who changed what, when. `snapshot` is the whole definition after the change.
    this.schema.createTable('dataset_revisions', (table) => {
      table.increments('id')
      table
        .integer('dataset_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('datasets')
        .onDelete('CASCADE')
      table.integer('version').notNullable()
      table.string('action', 16).notNullable()
      table.integer('actor_id').unsigned().nullable()
      table.string('actor_username', 64).nullable()
      table.timestamp('changed_at').notNullable()
      table.text('changes', 'mediumtext').notNullable()
      table.text('snapshot', 'mediumtext').notNullable()
      table.unique(['dataset_id', 'version'])
    })
  }

  async down() {
    this.schema.dropTable('dataset_revisions')
    this.schema.dropTable('dataset_tags')
    this.schema.dropTable('dataset_fields')
    this.schema.dropTable('datasets')
  }
}
