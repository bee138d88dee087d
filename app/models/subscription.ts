import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Grant from '#models/grant'
import { jsonColumn } from '#models/json_column'

export const SUBSCRIPTION_STATUSES = ['active', 'paused', 'deleted'] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

/** A webhook for new records of one granted dataset (推送订阅). */
export default class Subscription extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare grantId: number

  @column()
  declare datasetCode: string

  @column()
  declare url: string

  @column({ serializeAs: null })
  declare secretEncrypted: string

  @column(jsonColumn)
  declare fields: string[]

  /** Conditions in the data API's query form, e.g. `{ "pm25": { "gte": "75" } }`. */
  @column(jsonColumn)
  declare filters: Record<string, unknown>

  @column()
  declare status: SubscriptionStatus

  @column()
  declare statusReason: string | null

  @column({
    prepare: (value: unknown) => (value === null ? null : JSON.stringify(value)),
    consume: (value: string | null) => (typeof value === 'string' ? JSON.parse(value) : value),
  })
  declare mark: (string | number)[] | null

  @column()
  declare consecutiveFailures: number

  @column()
  declare pendingDeliveryId: string | null

  @column()
  declare pendingRows: number | null

  @column()
  declare pendingAttempts: number

  @column.dateTime()
  declare nextAttemptAt: DateTime | null

  @column.dateTime()
  declare lastDeliveryAt: DateTime | null

  @column.dateTime()
  declare lastSuccessAt: DateTime | null

  @column()
  declare lastStatusCode: number | null

  @belongsTo(() => Grant, { foreignKey: 'grantId' })
  declare grant: BelongsTo<typeof Grant>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
