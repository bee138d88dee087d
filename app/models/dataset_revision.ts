import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type RevisionAction = 'create' | 'update' | 'retire'
export type FieldChanges = Record<string, { from: unknown; to: unknown }>

const json = {
  prepare: (value: unknown) => JSON.stringify(value),
  consume: (value: string) => JSON.parse(value),
}

/** One version of a dataset's metadata: who changed which fields, when, and the result. */
export default class DatasetRevision extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare datasetId: number

  @column()
  declare version: number

  @column()
  declare action: RevisionAction

  @column()
  declare actorId: number | null

  @column()
  declare actorUsername: string | null

  @column.dateTime()
  declare changedAt: DateTime

  @column(json)
  declare changes: FieldChanges

  @column(json)
  declare snapshot: Record<string, unknown>
}
