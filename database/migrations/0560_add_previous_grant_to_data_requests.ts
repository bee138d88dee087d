import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * A renewal or scope change is a new request that names the grant it replaces, so reviewers
 * see the previous decision next to the new one. SQLite cannot add a foreign key to an
 * existing table without rebuilding it, and the rebuild fails once grants refer to requests,
 * so there the reference is kept by the submit action alone.
 */
export default class extends BaseSchema {
  async up() {
    const sqlite = this.db.dialect.name.includes('sqlite')
    this.schema.alterTable('data_requests', (table) => {
      const column = table.integer('previous_grant_id').unsigned().nullable()
      if (!sqlite) column.references('id').inTable('grants')
      table.index(['previous_grant_id'])
    })
  }

  async down() {
    const sqlite = this.db.dialect.name.includes('sqlite')
    this.schema.alterTable('data_requests', (table) => {
      if (!sqlite) table.dropForeign(['previous_grant_id'])
      table.dropIndex(['previous_grant_id'])
      table.dropColumn('previous_grant_id')
    })
  }
}
