import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    /*
     * Append-only, hash-chained. `seq` is assigned under the chain-head lock so it has
     * no gaps (auto-increment ids can skip on rollback); a deleted row breaks the sequence.
     */
    this.schema.createTable('audit_events', (table) => {
      table.bigIncrements('id')
      table.bigInteger('seq').notNullable().unique()
      // ISO-8601 UTC text, identical on every database so the hash input is exact.
      table.string('occurred_at', 24).notNullable().index()
      table.integer('actor_id').unsigned().nullable().index()
      table.string('actor_username', 64).nullable()
      table.integer('organisation_id').unsigned().nullable()
      table.string('action', 64).notNullable().index()
      table.string('object_type', 64).nullable()
      table.string('object_id', 64).nullable()
      table.string('result', 16).notNullable()
      table.string('ip', 64).nullable()
      table.string('user_agent', 512).nullable()
      table.text('details').nullable()
      table.string('hash_alg', 8).notNullable()
      table.string('prev_hash', 64).notNullable()
      table.string('hash', 64).notNullable()
      table.index(['object_type', 'object_id'])
    })

    this.schema.createTable('audit_chain_head', (table) => {
      table.integer('id').primary()
      table.bigInteger('seq').notNullable()
      table.string('hash', 64).notNullable()
    })

    this.defer(async (db) => {
      await db.table('audit_chain_head').insert({ id: 1, seq: 0, hash: '0'.repeat(64) })
    })
  }

  async down() {
    this.schema.dropTable('audit_chain_head')
    this.schema.dropTable('audit_events')
  }
}
