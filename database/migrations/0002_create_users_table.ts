import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('users', (table) => {
      table.increments('id')
      table.string('username', 64).notNullable().unique()
      table.string('display_name', 100).notNullable()
      table.string('email', 254).nullable()
      // Personal data is stored encrypted (SECURITY.md 17) and shown masked.
      table.text('phone_encrypted').nullable()
      table
        .integer('organisation_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('organisations')
      table.string('password', 255).notNullable()
      table.string('status', 16).notNullable().defaultTo('active')
      table.integer('failed_login_count').notNullable().defaultTo(0)
      table.timestamp('locked_until').nullable()
      table.timestamp('last_login_at').nullable()
      table.timestamp('password_changed_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['organisation_id'])
    })

    this.schema.createTable('user_roles', (table) => {
      table.increments('id')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('role', 32).notNullable()
      table.unique(['user_id', 'role'])
      table.index(['role'])
    })

    this.schema.alterTable('organisations', (table) => {
      table.foreign('head_user_id').references('id').inTable('users')
    })
  }

  async down() {
    this.schema.alterTable('organisations', (table) => {
      table.dropForeign('head_user_id')
    })
    this.schema.dropTable('user_roles')
    this.schema.dropTable('users')
  }
}
