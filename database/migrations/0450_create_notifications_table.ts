import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('notifications', (table) => {
      table.increments('id')
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.string('kind', 32).notNullable()
      // One row per event and recipient: producers may run again (sync, retries) without doubling.
      table.string('dedupe_key', 191).notNullable().unique()
      table.string('title', 255).notNullable()
      table.text('body').nullable()
      table.string('object_type', 32).nullable()
      table.string('object_id', 64).nullable()
      table.text('data').nullable()
      table.timestamp('read_at').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['user_id', 'read_at'])
      table.index(['user_id', 'id'])
      table.index(['object_type', 'object_id'])
    })
  }

  async down() {
    this.schema.dropTable('notifications')
  }
}
