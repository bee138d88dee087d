import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('data_requests', (table) => {
      table.increments('id')
      // The business key of the process instance; unique so one request never has two instances.
      table.string('code', 40).notNullable().unique()
      table.integer('applicant_id').unsigned().notNullable().references('id').inTable('users')
      table
        .integer('applicant_org_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('organisations')
      table.string('status', 24).notNullable().index()
      table.text('form').notNullable()
      table.text('dataset_codes').notNullable()
      table.text('approved_codes').nullable()
      table.string('process_instance_id', 64).nullable()
      table.text('outcome_reason').nullable()
      table.integer('version').notNullable().defaultTo(1)
      table.timestamp('submitted_at').notNullable()
      table.timestamp('decided_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['applicant_id', 'status'])
    })

    /*
     * Outbox: the start of the process is recorded in the same transaction as the request,
     * so a request is never stored without its start, and a dispatcher retries until the engine
     * takes it (the business key makes the retry harmless).
     */
    this.schema.createTable('workflow_outbox', (table) => {
      table.increments('id')
      table.string('process_key', 64).notNullable()
      table.string('business_key', 64).notNullable().unique()
      table.text('variables').notNullable()
      table.string('status', 16).notNullable().index()
      table.integer('attempts').notNullable().defaultTo(0)
      table.text('last_error').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('dispatched_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable('workflow_outbox')
    this.schema.dropTable('data_requests')
  }
}
