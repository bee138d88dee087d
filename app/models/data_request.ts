import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Organisation from '#models/organisation'
import type { RowScope } from '#models/grant'

export const REQUEST_STATUSES = [
  'submitted',
  'in_review',
  'returned',
  'approved',
  'partially_approved',
  'rejected',
  'withdrawn',
  'cancelled',
] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const FINAL_STATUSES: readonly RequestStatus[] = [
  'approved',
  'partially_approved',
  'rejected',
  'withdrawn',
  'cancelled',
]

/** What the applicant filled in (the request_form schema in forms/). */
export interface RequestForm {
  datasets: string[]
  fields: string[]
  /** Prose (older requests, free text) or the structured scope of the request form. */
  rowScope: string | RowScope | null
  purpose: string
  scenario: string
  legalBasis: string
  validUntil: string
  deliveryModes: string[]
  contact: string
  appealJustification: string | null
}

const json = {
  prepare: (value: unknown) =>
    value === null || value === undefined ? null : JSON.stringify(value),
  consume: (value: string | null) => (value ? JSON.parse(value) : null),
}

export default class DataRequest extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare code: string

  @column()
  declare applicantId: number

  @column()
  declare applicantOrgId: number

  @column()
  declare status: RequestStatus

  @column(json)
  declare form: RequestForm

  @column(json)
  declare datasetCodes: string[]

  @column(json)
  declare approvedCodes: string[] | null

  @column()
  declare processInstanceId: string | null

  @column()
  declare outcomeReason: string | null

  @column()
  declare version: number

  /** The grant this request renews or changes (续期 / 变更范围), shown to reviewers. */
  @column()
  declare previousGrantId: number | null

  @column.dateTime()
  declare submittedAt: DateTime

  @column.dateTime()
  declare decidedAt: DateTime | null

  @belongsTo(() => User, { foreignKey: 'applicantId' })
  declare applicant: BelongsTo<typeof User>

  @belongsTo(() => Organisation, { foreignKey: 'applicantOrgId' })
  declare applicantOrg: BelongsTo<typeof Organisation>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isFinal() {
    return FINAL_STATUSES.includes(this.status)
  }
}
