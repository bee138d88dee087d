import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Engine-neutral workflow state (the embedded adapter's only storage). Instants are epoch
 * milliseconds from the app clock so timers and deadlines compare identically on every database.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('workflow_definitions', (table) => {
      table.increments('id')
      table.string('process_key', 128).notNullable()
      table.string('name', 255).notNullable()
      table.integer('version').notNullable()
      table.string('checksum', 64).notNullable()
      table.text('xml', 'longtext').notNullable()
      table.bigInteger('deployed_at').notNullable()
      table.unique(['process_key', 'version'])
    })

    this.schema.createTable('workflow_instances', (table) => {
      table.string('id', 36).primary()
      table
        .integer('definition_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('workflow_definitions')
      table.string('process_key', 128).notNullable()
      // The unique pair is what makes start-by-business-key idempotent under races.
      table.string('business_key', 128).notNullable()
      table.string('status', 16).notNullable().index()
      table.text('variables', 'longtext').notNullable()
      table.text('state', 'longtext').nullable()
      table.integer('state_version').notNullable().defaultTo(0)
      table.bigInteger('started_at').notNullable()
      table.bigInteger('ended_at').nullable()
      table.unique(['process_key', 'business_key'])
    })

    this.schema.createTable('workflow_tasks', (table) => {
      table.string('id', 36).primary()
      table.string('instance_id', 36).notNullable().references('id').inTable('workflow_instances')
      table.string('execution_id', 128).notNullable().unique()
      table.string('activity_id', 128).notNullable()
      table.string('name', 255).nullable()
      table.string('form_key', 128).nullable()
      table.string('assignee', 128).nullable().index()
      table.string('status', 16).notNullable().index()
      table.integer('version').notNullable().defaultTo(1)
      table.text('local_variables').nullable()
      table.bigInteger('due_at').nullable()
      table.bigInteger('follow_up_at').nullable()
      table.bigInteger('created_at').notNullable()
      table.bigInteger('ended_at').nullable()
      table.string('completed_by', 128).nullable()
      table.index(['instance_id', 'status'])
    })

    // One row per candidate so "tasks for me and my groups" is an indexed lookup.
    this.schema.createTable('workflow_task_candidates', (table) => {
      table.increments('id')
      table
        .string('task_id', 36)
        .notNullable()
        .references('id')
        .inTable('workflow_tasks')
        .onDelete('CASCADE')
      table.string('kind', 8).notNullable()
      table.string('value', 191).notNullable()
      table.unique(['task_id', 'kind', 'value'])
      table.index(['kind', 'value'])
    })

    this.schema.createTable('workflow_external_tasks', (table) => {
      table.string('id', 36).primary()
      table.string('instance_id', 36).notNullable().references('id').inTable('workflow_instances')
      table.string('execution_id', 128).notNullable().unique()
      table.string('activity_id', 128).notNullable()
      table.string('topic', 128).notNullable()
      table.string('status', 16).notNullable()
      table.string('worker_id', 128).nullable()
      table.bigInteger('lock_expires_at').nullable()
      table.integer('retries').nullable()
      table.bigInteger('retry_at').nullable()
      table.text('error_message').nullable()
      table.bigInteger('created_at').notNullable()
      table.bigInteger('ended_at').nullable()
      table.index(['topic', 'status'])
    })

    this.schema.createTable('workflow_incidents', (table) => {
      table.increments('id')
      table.string('instance_id', 36).notNullable().references('id').inTable('workflow_instances')
      table
        .string('external_task_id', 36)
        .notNullable()
        .references('id')
        .inTable('workflow_external_tasks')
      table.string('activity_id', 128).notNullable()
      table.text('message').nullable()
      table.bigInteger('created_at').notNullable()
      table.bigInteger('resolved_at').nullable()
      table.index(['resolved_at'])
    })

    this.schema.createTable('workflow_timers', (table) => {
      table.string('id', 36).primary()
      table.string('instance_id', 36).notNullable().references('id').inTable('workflow_instances')
      table.string('execution_id', 128).notNullable().unique()
      table.string('activity_id', 128).notNullable()
      table.bigInteger('due_at').notNullable()
      table.string('status', 16).notNullable()
      table.index(['status', 'due_at'])
    })

    this.schema.createTable('workflow_history', (table) => {
      table.bigIncrements('id')
      table.string('instance_id', 36).notNullable().references('id').inTable('workflow_instances')
      table.string('type', 48).notNullable()
      table.string('activity_id', 128).nullable()
      table.string('task_id', 36).nullable()
      table.string('actor', 128).nullable()
      table.text('data').nullable()
      table.bigInteger('occurred_at').notNullable()
      table.index(['instance_id', 'id'])
    })

    // Idempotency ledger for topic handlers: one row per side effect, keyed uniquely.
    this.schema.createTable('workflow_side_effects', (table) => {
      table.increments('id')
      table.string('effect_key', 191).notNullable().unique()
      table.string('kind', 64).notNullable()
      table.text('data').nullable()
      table.bigInteger('created_at').notNullable()
    })
  }

  async down() {
    for (const name of [
      'workflow_side_effects',
      'workflow_history',
      'workflow_timers',
      'workflow_incidents',
      'workflow_external_tasks',
      'workflow_task_candidates',
      'workflow_tasks',
      'workflow_instances',
      'workflow_definitions',
    ]) {
      this.schema.dropTable(name)
    }
  }
}
