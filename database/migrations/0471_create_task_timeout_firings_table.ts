import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * One row per timeout action the scheduler took on a task (reminder n, escalation, automatic
 * decision). The unique (task_id, action, seq) is what makes a firing happen once even when two
 * app instances run the scheduler at the same moment.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('task_timeout_firings', (table) => {
      table.increments('id')
      table.string('task_id', 64).notNullable()
      table.string('instance_id', 64).notNullable().index()
      table.string('business_key', 64).notNullable()
      table.string('activity_id', 128).notNullable()
      table.string('action', 16).notNullable()
      table.integer('seq').notNullable()
      table.string('status', 16).notNullable()
      table.string('claimed_by', 64).notNullable()
      table.integer('attempts').notNullable().defaultTo(1)
      table.bigInteger('scheduled_at_ms').notNullable()
      table.bigInteger('fired_at_ms').notNullable()
      table.text('details').nullable()
      table.unique(['task_id', 'action', 'seq'])
    })
  }

  async down() {
    this.schema.dropTable('task_timeout_firings')
  }
}
