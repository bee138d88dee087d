import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Admin overrides of the business calendar (a holiday or a working day on a date). A removal
 * keeps the row with `deleted_at` set, so count + max(updated_at_ms) changes on every edit and
 * other app instances notice it with one cheap query.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('calendar_overrides', (table) => {
      table.increments('id')
      table.string('date', 10).notNullable().unique()
      table.boolean('workday').notNullable()
      table.string('note', 200).nullable()
      table.integer('updated_by').unsigned().nullable().references('id').inTable('users')
      table.bigInteger('created_at_ms').notNullable()
      table.bigInteger('updated_at_ms').notNullable()
      table.bigInteger('deleted_at_ms').nullable()
    })
  }

  async down() {
    this.schema.dropTable('calendar_overrides')
  }
}
