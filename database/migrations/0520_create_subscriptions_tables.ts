import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Push delivery (issue #6 item 6): webhooks a grant holder registers for new records of a
 * granted dataset, and one log row per delivery attempt. The signing secret is stored
 * encrypted (the dispatcher needs it back to sign), never hashed.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('subscriptions', (table) => {
      table.increments('id')
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('grant_id').unsigned().notNullable().references('id').inTable('grants')
      table.string('dataset_code', 64).notNullable()
      table.string('url', 2048).notNullable()
      table.text('secret_encrypted').notNullable()
      table.text('fields').notNullable()
      table.text('filters').notNullable()
      table.string('status', 16).notNullable()
      table.text('status_reason').nullable()
      // Sort-key values (time field + key columns) of the last row a receiver acknowledged.
      table.text('mark').nullable()
      table.integer('consecutive_failures').notNullable().defaultTo(0)
      // The batch being delivered: the same id on every retry, so a receiver can de-duplicate.
      table.string('pending_delivery_id', 36).nullable()
      table.integer('pending_rows').nullable()
      table.integer('pending_attempts').notNullable().defaultTo(0)
      table.timestamp('next_attempt_at').nullable()
      table.timestamp('last_delivery_at').nullable()
      table.timestamp('last_success_at').nullable()
      table.integer('last_status_code').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['user_id', 'status'])
      table.index(['status', 'next_attempt_at'])
    })

    this.schema.createTable('subscription_deliveries', (table) => {
      table.bigIncrements('id')
      table
        .integer('subscription_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('subscriptions')
      table.string('delivery_id', 36).notNullable()
      table.integer('attempt').notNullable()
      table.timestamp('attempted_at').notNullable()
      table.integer('status_code').nullable()
      table.integer('duration_ms').notNullable()
      table.integer('rows').notNullable()
      table.bigInteger('bytes').notNullable()
      table.string('result', 16).notNullable()
      table.text('error').nullable()
      table.index(['subscription_id', 'id'])
      table.unique(['delivery_id', 'attempt'])
    })
  }

  async down() {
    this.schema.dropTable('subscription_deliveries')
    this.schema.dropTable('subscriptions')
  }
}
