import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Delivery (issue #6): grants issued by the sharing-grant process, API keys scoped to grants,
 * and the usage trail of every data call.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('grants', (table) => {
      table.increments('id')
      // The sharing-grant instance's business key: a redelivered grant.provision finds its row.
      table.string('code', 64).notNullable().unique()
      table.integer('request_id').unsigned().notNullable().references('id').inTable('data_requests')
      table.string('request_code', 40).notNullable()
      table.integer('applicant_id').unsigned().notNullable().references('id').inTable('users')
      table
        .integer('applicant_org_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('organisations')
      table.text('row_scope').notNullable()
      table.text('purpose').notNullable()
      table.text('scenario').notNullable()
      table.text('delivery_modes').notNullable()
      table.text('decision').notNullable()
      table.timestamp('valid_from').notNullable()
      table.timestamp('valid_until').notNullable()
      table.integer('rows_per_day').notNullable()
      table.integer('calls_per_minute').notNullable()
      table.string('status', 16).notNullable()
      table.text('status_reason').nullable()
      table.integer('version').notNullable().defaultTo(1)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['applicant_id', 'status'])
    })

    this.schema.createTable('grant_datasets', (table) => {
      table.increments('id')
      table.integer('grant_id').unsigned().notNullable().references('id').inTable('grants')
      table.string('dataset_code', 64).notNullable()
      // The provider at grant time: owners list "grants of my datasets" by this column.
      table
        .integer('owner_org_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('organisations')
      table.text('fields').notNullable()
      table.text('label_scope').notNullable()
      table.unique(['grant_id', 'dataset_code'])
      table.index(['owner_org_id'])
      table.index(['dataset_code'])
    })

    this.schema.createTable('api_keys', (table) => {
      table.increments('id')
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.string('name', 100).notNullable()
      // Shown in lists so a user can tell keys apart; too short to be of use to anyone else.
      table.string('prefix', 24).notNullable()
      table.string('key_hash', 64).notNullable().unique()
      table.string('status', 16).notNullable()
      table.timestamp('expires_at').notNullable()
      table.timestamp('last_used_at').nullable()
      table.timestamp('revoked_at').nullable()
      table.timestamp('rotated_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['user_id', 'status'])
    })

    this.schema.createTable('api_key_grants', (table) => {
      table.integer('api_key_id').unsigned().notNullable().references('id').inTable('api_keys')
      table.integer('grant_id').unsigned().notNullable().references('id').inTable('grants')
      table.primary(['api_key_id', 'grant_id'])
      table.index(['grant_id'])
    })

    this.schema.createTable('data_usage', (table) => {
      table.bigIncrements('id')
      table.timestamp('occurred_at').notNullable()
      table.integer('user_id').unsigned().nullable()
      table.integer('organisation_id').unsigned().nullable()
      table.integer('api_key_id').unsigned().nullable()
      table.integer('grant_id').unsigned().nullable()
      table.string('dataset_code', 64).nullable()
      table.string('mode', 16).notNullable()
      table.string('format', 8).nullable()
      table.text('filter').nullable()
      table.bigInteger('rows').notNullable().defaultTo(0)
      table.bigInteger('bytes').notNullable().defaultTo(0)
      table.integer('duration_ms').notNullable().defaultTo(0)
      table.text('purpose').nullable()
      table.integer('status').notNullable()
      table.string('result', 16).notNullable()
      table.string('error_code', 40).nullable()
      table.string('ip', 64).nullable()
      table.index(['grant_id', 'occurred_at'])
      table.index(['dataset_code', 'occurred_at'])
      table.index(['user_id', 'occurred_at'])
      table.index(['occurred_at'])
    })
  }

  async down() {
    this.schema.dropTable('data_usage')
    this.schema.dropTable('api_key_grants')
    this.schema.dropTable('api_keys')
    this.schema.dropTable('grant_datasets')
    this.schema.dropTable('grants')
  }
}
