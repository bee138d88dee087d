import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import CatalogCategory from '#models/catalog_category'

export default class CatalogSubcategory extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare categoryId: number

  @column()
  declare code: string

  @column()
  declare nameZh: string

  @column()
  declare nameEn: string

  @column()
  declare sortOrder: number

  @belongsTo(() => CatalogCategory, { foreignKey: 'categoryId' })
  declare category: BelongsTo<typeof CatalogCategory>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
