import { BaseSchema } from '@adonisjs/lucid/schema'

/** 质量整改 cases: one per quality failure of a dataset, run by the quality_rectification process. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('quality_cases', (table) => {
      table.increments('id')
      table.string('code', 40).notNullable().unique()
      table.integer('dataset_id').unsigned().notNullable().references('id').inTable('datasets')
      table
        .integer('provider_org_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('organisations')
      table.string('rule', 128).notNullable()
      table.text('description').notNullable()
      table.decimal('target_score', 5, 2).notNullable()
      table.integer('round_working_days').notNullable()
      table.string('status', 16).notNullable().index()
      table.integer('round').notNullable().defaultTo(0)
      table.boolean('escalated').notNullable().defaultTo(false)
      table.integer('opened_by').unsigned().notNullable().references('id').inTable('users')
      table.string('process_instance_id', 64).nullable()
      table.integer('version').notNullable().defaultTo(1)
      table.timestamp('opened_at').notNullable()
      table.timestamp('closed_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['provider_org_id', 'status'])
    })
  }

  async down() {
    this.schema.dropTable('quality_cases')
  }
}
