import { DateTime } from 'luxon'
import { BaseModel, column, manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import Grant from '#models/grant'

/** An API credential: only the SHA-256 of the secret is stored; the secret is shown once. */
export default class ApiKey extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare name: string

  @column()
  declare prefix: string

  @column({ serializeAs: null })
  declare keyHash: string

  @column()
  declare status: 'active' | 'revoked'

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare lastUsedAt: DateTime | null

  @column.dateTime()
  declare revokedAt: DateTime | null

  @column.dateTime()
  declare rotatedAt: DateTime | null

  @manyToMany(() => Grant, {
    pivotTable: 'api_key_grants',
    pivotForeignKey: 'api_key_id',
    pivotRelatedForeignKey: 'grant_id',
  })
  declare grants: ManyToMany<typeof Grant>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
