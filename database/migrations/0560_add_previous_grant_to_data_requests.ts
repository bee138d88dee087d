import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * A renewal or scope change is a new request that names the grant it replaces, so reviewers
 * see the previous decision next to the new one.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('data_requests', (table) => {
      table.integer('previous_grant_id').unsigned().nullable().references('id').inTable('grants')
      table.index(['previous_grant_id'])
    })
  }

  async down() {
    this.schema.alterTable('data_requests', (table) => {
      table.dropForeign(['previous_grant_id'])
      table.dropIndex(['previous_grant_id'])
      table.dropColumn('previous_grant_id')
    })
  }
}
