import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'organisations'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('code', 64).notNullable().unique()
      table.string('name', 200).notNullable()
      table.string('name_en', 200).nullable()
      table.string('type', 32).notNullable().index()
      table.integer('parent_id').unsigned().nullable().references('id').inTable('organisations')
      // 统一社会信用代码: 18 characters, unique where present.
      table.string('credit_code', 18).nullable().unique()
      table.string('district_code', 16).nullable()
      table.integer('head_user_id').unsigned().nullable()
      table.integer('sort_order').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
