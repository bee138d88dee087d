import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * @adonisjs/lock's database store (config/lock.ts): one row per held lock, so schedulers on
 * several app instances take turns. The store does not create its table itself.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('locks', (table) => {
      table.string('key', 255).notNullable().primary()
      table.string('owner').notNullable()
      table.bigint('expiration').unsigned().nullable()
    })
  }

  async down() {
    this.schema.dropTable('locks')
  }
}
