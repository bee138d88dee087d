import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Organisation from '#models/organisation'
import GrantDataset from '#models/grant_dataset'
import { jsonColumn } from '#models/json_column'

export const GRANT_STATUSES = ['active', 'suspended', 'revoked', 'expired'] as const
export type GrantStatus = (typeof GRANT_STATUSES)[number]

/** Row scope by dimension; an absent dimension does not narrow, a present one is an IN-list. */
export interface RowScope {
  districts?: string[]
  enterprises?: string[]
  stations?: string[]
  sections?: string[]
  from?: string
  to?: string
  /** The request's own words when they were not in the structured form (kept for reviewers). */
  note?: string
}

export interface GrantDecision {
  requestStatus: string
  approvedDatasets: string[]
  decidedAt: string | null
}

/** A purpose-bound permission (授权) created by the sharing-grant process. */
export default class Grant extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare code: string

  @column()
  declare requestId: number

  @column()
  declare requestCode: string

  @column()
  declare applicantId: number

  @column()
  declare applicantOrgId: number

  @column(jsonColumn)
  declare rowScope: RowScope

  @column()
  declare purpose: string

  @column()
  declare scenario: string

  @column(jsonColumn)
  declare deliveryModes: string[]

  @column(jsonColumn)
  declare decision: GrantDecision

  @column.dateTime()
  declare validFrom: DateTime

  @column.dateTime()
  declare validUntil: DateTime

  @column()
  declare rowsPerDay: number

  @column()
  declare callsPerMinute: number

  @column()
  declare status: GrantStatus

  @column()
  declare statusReason: string | null

  @column()
  declare version: number

  @hasMany(() => GrantDataset, { foreignKey: 'grantId' })
  declare datasets: HasMany<typeof GrantDataset>

  @belongsTo(() => User, { foreignKey: 'applicantId' })
  declare applicant: BelongsTo<typeof User>

  @belongsTo(() => Organisation, { foreignKey: 'applicantOrgId' })
  declare applicantOrg: BelongsTo<typeof Organisation>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** Status as of `now`: a stored 'active' past its end is expired even before the timer runs. */
  effectiveStatus(now: DateTime): GrantStatus {
    if (this.status === 'active' && now >= this.validUntil) return 'expired'
    if (this.status === 'active' && now < this.validFrom) return 'suspended'
    return this.status
  }
}
