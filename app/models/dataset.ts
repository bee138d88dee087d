import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import CatalogCategory from '#models/catalog_category'
import CatalogSubcategory from '#models/catalog_subcategory'
import Organisation from '#models/organisation'
import DatasetField from '#models/dataset_field'
import DatasetTag from '#models/dataset_tag'
import DatasetRevision from '#models/dataset_revision'
import type {
  DataGrade,
  DeliveryMode,
  SharingAttribute,
  UpdateFrequency,
  DatasetDefinition,
} from '#services/catalog/dataset_definition'

export const DATASET_STATUSES = ['draft', 'published', 'retired'] as const
export type DatasetStatus = (typeof DATASET_STATUSES)[number]

const jsonList = {
  prepare: (value: string[]) => JSON.stringify(value),
  consume: (value: string) => JSON.parse(value),
}

/** A data resource (数据资源) of the catalog; its rows live in the typed table `storeTable`. */
export default class Dataset extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare code: string

  @column()
  declare nameZh: string

  @column()
  declare nameEn: string

  @column()
  declare description: string

  @column()
  declare categoryId: number

  @column()
  declare subcategoryId: number

  @column()
  declare providerOrganisationId: number

  @column()
  declare sourceSystem: string

  @column()
  declare format: DatasetDefinition['format']

  @column()
  declare updateFrequency: UpdateFrequency

  @column()
  declare timeCoverageStart: string | null

  @column()
  declare timeCoverageEnd: string | null

  @column(jsonList)
  declare spatialCoverage: string[]

  @column()
  declare sharingAttribute: SharingAttribute

  @column()
  declare legalBasis: string | null

  @column()
  declare grade: DataGrade

  @column()
  declare secrecyLabel: string | null

  @column({ consume: Boolean })
  declare isOpen: boolean

  @column(jsonList)
  declare deliveryModes: DeliveryMode[]

  @column()
  declare contactName: string

  @column({ serializeAs: null })
  declare contactPhoneEncrypted: string | null

  @column()
  declare contactEmail: string | null

  @column()
  declare storeTable: string | null

  @column()
  declare productPreviewKey: string | null

  @column()
  declare status: DatasetStatus

  @column()
  declare version: number

  @column()
  declare createdBy: number | null

  @column()
  declare updatedBy: number | null

  @belongsTo(() => CatalogCategory, { foreignKey: 'categoryId' })
  declare category: BelongsTo<typeof CatalogCategory>

  @belongsTo(() => CatalogSubcategory, { foreignKey: 'subcategoryId' })
  declare subcategory: BelongsTo<typeof CatalogSubcategory>

  @belongsTo(() => Organisation, { foreignKey: 'providerOrganisationId' })
  declare provider: BelongsTo<typeof Organisation>

  @hasMany(() => DatasetField, { foreignKey: 'datasetId' })
  declare fields: HasMany<typeof DatasetField>

  @hasMany(() => DatasetTag, { foreignKey: 'datasetId' })
  declare tags: HasMany<typeof DatasetTag>

  @hasMany(() => DatasetRevision, { foreignKey: 'datasetId' })
  declare revisions: HasMany<typeof DatasetRevision>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
