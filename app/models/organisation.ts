import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'

export const ORGANISATION_TYPES = [
  'city_bureau',
  'district_bureau',
  'division',
  'city_department',
  'enterprise',
  'social_org',
  'public',
] as const

export type OrganisationType = (typeof ORGANISATION_TYPES)[number]

export default class Organisation extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare code: string

  @column()
  declare name: string

  @column()
  declare nameEn: string | null

  @column()
  declare type: OrganisationType

  @column()
  declare parentId: number | null

  @column()
  declare creditCode: string | null

  @column()
  declare districtCode: string | null

  @column()
  declare headUserId: number | null

  @column()
  declare sortOrder: number

  @belongsTo(() => Organisation, { foreignKey: 'parentId' })
  declare parent: BelongsTo<typeof Organisation>

  @hasMany(() => Organisation, { foreignKey: 'parentId' })
  declare children: HasMany<typeof Organisation>

  @belongsTo(() => User, { foreignKey: 'headUserId' })
  declare headUser: BelongsTo<typeof User>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
