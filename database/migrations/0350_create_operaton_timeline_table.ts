import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * The Operaton adapter's own timeline: what its history API does not keep at level `audit`
 * (a reviewer's submitted variables, claims, transfers, topic outcomes), keyed by Operaton ids.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('operaton_timeline', (table) => {
      table.bigIncrements('id')
      table.string('instance_id', 64).notNullable()
      table.string('type', 48).notNullable()
      table.string('activity_id', 128).nullable()
      table.string('task_id', 64).nullable()
      table.string('actor', 128).nullable()
      table.text('data').nullable()
      table.bigInteger('occurred_at').notNullable()
      table.index(['instance_id', 'id'])
      table.index(['task_id'])
    })
  }

  async down() {
    this.schema.dropTable('operaton_timeline')
  }
}
