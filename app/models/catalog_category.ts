import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import CatalogSubcategory from '#models/catalog_subcategory'

export default class CatalogCategory extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare code: string

  @column()
  declare nameZh: string

  @column()
  declare nameEn: string

  @column()
  declare sortOrder: number

  @hasMany(() => CatalogSubcategory, { foreignKey: 'categoryId' })
  declare subcategories: HasMany<typeof CatalogSubcategory>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
