import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * File exports (issue #6 item 4): one row per asynchronous export of granted rows. The runner
 * claims a queued row by a guarded UPDATE, so a job runs once however many app instances poll.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('export_jobs', (table) => {
      table.increments('id')
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('grant_id').unsigned().notNullable().references('id').inTable('grants')
      table.string('dataset_code', 64).notNullable()
      table.string('format', 8).notNullable()
      // Fields, filters and BOM as asked; parsed again against the schema when the job runs.
      table.text('query').notNullable()
      table.string('status', 16).notNullable()
      table.bigInteger('rows_written').notNullable().defaultTo(0)
      table.bigInteger('rows_total').nullable()
      table.bigInteger('bytes').notNullable().defaultTo(0)
      // Random (never derived from ids or names), so a storage path cannot be guessed.
      table.string('file_key', 100).nullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('next_attempt_at').nullable()
      // Which runner holds a running job and when it last reported: a dead runner's job is requeued.
      table.string('claimed_by', 64).nullable()
      table.timestamp('heartbeat_at').nullable()
      table.string('error_code', 40).nullable()
      table.text('error_message').nullable()
      table.string('idempotency_key', 100).nullable()
      table.timestamp('started_at').nullable()
      table.timestamp('finished_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['user_id', 'idempotency_key'])
      table.index(['user_id', 'status'])
      table.index(['status', 'next_attempt_at'])
    })
  }

  async down() {
    this.schema.dropTable('export_jobs')
  }
}
