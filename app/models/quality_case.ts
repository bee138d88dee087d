import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Dataset from '#models/dataset'
import Organisation from '#models/organisation'

export const QUALITY_CASE_STATUSES = ['opened', 'rectifying', 'verifying', 'closed'] as const
export type QualityCaseStatus = (typeof QUALITY_CASE_STATUSES)[number]

export default class QualityCase extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare code: string

  @column()
  declare datasetId: number

  @column()
  declare providerOrgId: number

  @column()
  declare rule: string

  @column()
  declare description: string

  @column({ consume: (value) => Number(value) })
  declare targetScore: number

  @column()
  declare roundWorkingDays: number

  @column()
  declare status: QualityCaseStatus

  @column()
  declare round: number

  @column({ consume: (value) => Boolean(value) })
  declare escalated: boolean

  @column()
  declare openedBy: number

  @column()
  declare processInstanceId: string | null

  @column()
  declare version: number

  @column.dateTime()
  declare openedAt: DateTime

  @column.dateTime()
  declare closedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Dataset)
  declare dataset: BelongsTo<typeof Dataset>

  @belongsTo(() => Organisation, { foreignKey: 'providerOrgId' })
  declare provider: BelongsTo<typeof Organisation>
}
