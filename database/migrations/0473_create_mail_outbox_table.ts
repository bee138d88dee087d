import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * E-mails waiting for the background loop. Written with the in-app notification, sent later, so a
 * slow or broken SMTP server never fails a workflow step; the unique notification id makes it at
 * most one mail per (notification, recipient).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('mail_outbox', (table) => {
      table.increments('id')
      table
        .integer('notification_id')
        .unsigned()
        .notNullable()
        .unique()
        .references('id')
        .inTable('notifications')
      table.integer('user_id').unsigned().notNullable()
      table.string('to_address', 254).notNullable()
      table.string('subject', 255).notNullable()
      table.text('body').notNullable()
      table.string('status', 16).notNullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.bigInteger('next_attempt_at_ms').notNullable()
      table.bigInteger('sent_at_ms').nullable()
      table.text('last_error').nullable()
      table.bigInteger('created_at_ms').notNullable()
      table.index(['status', 'next_attempt_at_ms'])
    })
  }

  async down() {
    this.schema.dropTable('mail_outbox')
  }
}
