import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Reviewer operations that no engine models (加签, 抄送, 催办) live in our tables, so both
 * adapters behave alike; `request_actions` is the people's side of the timeline and the 已办 tab.
 * Instants are epoch milliseconds from the app clock, like the workflow tables.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('request_actions', (table) => {
      table.bigIncrements('id')
      table.string('business_key', 128).notNullable()
      table.string('process_key', 128).notNullable()
      table.string('task_id', 64).nullable()
      table.string('activity_id', 128).nullable()
      table.string('action', 32).notNullable()
      table.integer('actor_id').unsigned().nullable()
      table.text('target_user_ids').nullable()
      table.text('opinion').nullable()
      table.text('data').nullable()
      table.bigInteger('created_at').notNullable()
      table.index(['business_key', 'id'])
      table.index(['actor_id', 'created_at'])
      table.index(['task_id'])
    })

    this.schema.createTable('task_signoffs', (table) => {
      table.increments('id')
      table.string('task_id', 64).notNullable()
      table.string('business_key', 128).notNullable()
      table.string('process_key', 128).notNullable()
      table.string('activity_id', 128).notNullable()
      table.string('task_name', 255).nullable()
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.string('position', 8).notNullable()
      // waiting (after-approver before the owner approved) → pending → approved | rejected | removed
      table.string('status', 16).notNullable()
      table.integer('added_by').unsigned().notNullable().references('id').inTable('users')
      table.text('opinion').nullable()
      table.integer('version').notNullable().defaultTo(1)
      table.bigInteger('created_at').notNullable()
      table.bigInteger('decided_at').nullable()
      table.index(['task_id', 'status'])
      table.index(['user_id', 'status'])
    })

    // 后加签: the owner's approval waits here until every added approver has signed.
    this.schema.createTable('held_decisions', (table) => {
      table.string('task_id', 64).primary()
      table.integer('user_id').unsigned().notNullable()
      table.text('variables').notNullable()
      table.bigInteger('created_at').notNullable()
    })

    this.schema.createTable('request_cc', (table) => {
      table.increments('id')
      table.string('business_key', 128).notNullable()
      table.string('process_key', 128).notNullable()
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('added_by').unsigned().notNullable().references('id').inTable('users')
      table.text('note').nullable()
      table.bigInteger('created_at').notNullable()
      table.unique(['business_key', 'user_id'])
      table.index(['user_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('request_cc')
    this.schema.dropTable('held_decisions')
    this.schema.dropTable('task_signoffs')
    this.schema.dropTable('request_actions')
  }
}
