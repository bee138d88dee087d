import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from '#models/json_column'

/** Record labels a grant reaches in one dataset (rows with other labels never appear). */
export interface LabelScope {
  sharingScopes: string[]
  classificationLevels: string[]
}

/** One dataset of a grant: the fields it may read and the labels of the rows it may see. */
export default class GrantDataset extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare grantId: number

  @column()
  declare datasetCode: string

  @column()
  declare ownerOrgId: number

  @column(jsonColumn)
  declare fields: string[]

  @column(jsonColumn)
  declare labelScope: LabelScope
}
