import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbAccessTokensProvider, type AccessToken } from '@adonisjs/auth/access_tokens'
import env from '#start/env'
import Organisation from '#models/organisation'
import UserRole from '#models/user_role'
import { permissionsOf, type Permission, type RoleCode } from '#services/roles'

const AuthFinder = withAuthFinder(hash, { uids: ['username'], passwordColumnName: 'password' })

export default class User extends compose(BaseModel, AuthFinder) {
  static accessTokens = DbAccessTokensProvider.forModel(User, {
    expiresIn: env.get('ACCESS_TOKEN_TTL') ?? '8 hours',
    prefix: 'eco_',
    table: 'auth_access_tokens',
    type: 'auth_token',
    tokenSecretLength: 40,
  })

  declare currentAccessToken?: AccessToken

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare username: string

  @column()
  declare displayName: string

  @column()
  declare email: string | null

  @column({ serializeAs: null })
  declare phoneEncrypted: string | null

  @column()
  declare organisationId: number

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare status: 'active' | 'disabled'

  @column()
  declare failedLoginCount: number

  @column.dateTime()
  declare lockedUntil: DateTime | null

  @column.dateTime()
  declare lastLoginAt: DateTime | null

  @column.dateTime()
  declare passwordChangedAt: DateTime | null

  @belongsTo(() => Organisation)
  declare organisation: BelongsTo<typeof Organisation>

  @hasMany(() => UserRole)
  declare roleRows: HasMany<typeof UserRole>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** Role codes; requires `roleRows` to be preloaded. */
  get roles(): RoleCode[] {
    return (this.$preloaded.roleRows ? this.roleRows : []).map((row) => row.role).sort()
  }

  get permissions(): Permission[] {
    return permissionsOf(this.roles)
  }

  hasPermission(permission: Permission): boolean {
    return this.permissions.includes(permission)
  }
}
