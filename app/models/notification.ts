import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export const NOTIFICATION_KINDS = [
  'task_assigned',
  'request_returned',
  'request_decided',
  'request_withdrawn',
  'request_cancelled',
  'task_transferred',
  'task_delegated',
  'task_resolved',
  'signoff_requested',
  'signoff_decided',
  'request_cc',
  'request_urged',
  'task_withdrawn',
  'task_due_soon',
  'task_reminder',
  'task_escalated',
  'subscription_paused',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** An in-app message to one user (站内消息); rows are only ever marked read, never edited. */
export default class Notification extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare kind: NotificationKind

  @column({ serializeAs: null })
  declare dedupeKey: string

  @column()
  declare title: string

  @column()
  declare body: string | null

  @column()
  declare objectType: string | null

  @column()
  declare objectId: string | null

  @column({
    prepare: (value: Record<string, unknown> | null) => (value ? JSON.stringify(value) : null),
    consume: (value: string | null) => (value ? JSON.parse(value) : null),
  })
  declare data: Record<string, unknown> | null

  @column.dateTime()
  declare readAt: DateTime | null

  @column.dateTime()
  declare createdAt: DateTime
}
