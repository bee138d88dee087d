import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Grant from '#models/grant'
import User from '#models/user'
import { jsonColumn } from '#models/json_column'

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export const EXPORT_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'expired',
] as const
export type ExportStatus = (typeof EXPORT_STATUSES)[number]
/** Queued or running: counts against the per-user concurrency cap and may be cancelled. */
export const OPEN_STATUSES: ExportStatus[] = ['queued', 'running']

/** What the caller asked for, kept as given and parsed against the schema when the job runs. */
export interface ExportQuery {
  fields: string[]
  filters: Record<string, unknown>
  bom: boolean
}

/** One asynchronous file export of rows under a grant (导出任务). */
export default class ExportJob extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare grantId: number

  @column()
  declare datasetCode: string

  @column()
  declare format: ExportFormat

  @column(jsonColumn)
  declare query: ExportQuery

  @column()
  declare status: ExportStatus

  @column({ consume: Number })
  declare rowsWritten: number

  @column({ consume: (value) => (value === null ? null : Number(value)) })
  declare rowsTotal: number | null

  @column({ consume: Number })
  declare bytes: number

  @column({ serializeAs: null })
  declare fileKey: string | null

  @column()
  declare attempts: number

  @column.dateTime()
  declare nextAttemptAt: DateTime | null

  @column()
  declare claimedBy: string | null

  /** New on every claim; a worker's writes are guarded by it (export_attempt.ts). */
  @column({ serializeAs: null })
  declare attemptToken: string | null

  /** Rows a running attempt holds against the grant's rows per day until it ends. */
  @column({ consume: Number, serializeAs: null })
  declare rowsReserved: number

  @column.dateTime()
  declare heartbeatAt: DateTime | null

  @column()
  declare errorCode: string | null

  @column()
  declare errorMessage: string | null

  @column()
  declare idempotencyKey: string | null

  @column.dateTime()
  declare startedAt: DateTime | null

  @column.dateTime()
  declare finishedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Grant)
  declare grant: BelongsTo<typeof Grant>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
