import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Due dates of review tasks on the business calendar, fixed when the task is first seen: the port
 * cannot store them, and a later calendar edit must not move a deadline already announced.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('task_deadlines', (table) => {
      table.string('task_id', 64).primary()
      table.string('instance_id', 64).notNullable().index()
      table.string('activity_id', 128).notNullable()
      table.integer('working_days').notNullable()
      table.bigInteger('due_at_ms').notNullable().index()
      table.timestamp('created_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('task_deadlines')
  }
}
