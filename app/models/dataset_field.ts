import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { FieldType } from '#services/catalog/dataset_definition'

/** One column of a dataset's schema, in display order. */
export default class DatasetField extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare datasetId: number

  @column()
  declare position: number

  @column()
  declare name: string

  @column()
  declare labelZh: string

  @column()
  declare labelEn: string

  @column()
  declare type: FieldType

  @column()
  declare unit: string | null

  @column()
  declare description: string | null

  @column({ consume: Boolean })
  declare isSensitive: boolean

  @column({ consume: Boolean })
  declare isFilterable: boolean
}
