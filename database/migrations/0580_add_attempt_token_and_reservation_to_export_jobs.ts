import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Export robustness (issue #6 follow-up). `attempt_token` is new on every claim: a worker whose
 * job was requeued and claimed again cannot write progress, state or a file over the new
 * attempt, since every update it makes is guarded by its own token. `rows_reserved` holds the
 * rows a running job is about to write; they count against the grant's rows per day (with the
 * usage trail) until the job ends, so concurrent exports and data calls cannot overrun it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('export_jobs', (table) => {
      table.string('attempt_token', 36).nullable()
      // Summed per grant on every data call (rowsToday) over `running` jobs only: the
      // (status, next_attempt_at) index finds those few.
      table.bigInteger('rows_reserved').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable('export_jobs', (table) => {
      table.dropColumn('rows_reserved')
      table.dropColumn('attempt_token')
    })
  }
}
