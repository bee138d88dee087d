import { BaseSchema } from '@adonisjs/lucid/schema'

/** 委派 (delegate/resolve) as Camunda models it: the owner keeps the task, the delegate works it. */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('workflow_tasks', (table) => {
      table.string('owner', 128).nullable()
      table.string('delegation_state', 16).nullable()
    })
  }

  async down() {
    this.schema.alterTable('workflow_tasks', (table) => {
      table.dropColumn('owner')
      table.dropColumn('delegation_state')
    })
  }
}
