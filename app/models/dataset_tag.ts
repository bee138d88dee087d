import { BaseModel, column } from '@adonisjs/lucid/orm'

export type DatasetTagKind = 'free' | 'controlled'

export default class DatasetTag extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare datasetId: number

  @column()
  declare kind: DatasetTagKind

  /** The text of a free tag, or the code of a controlled one. */
  @column()
  declare tag: string
}
