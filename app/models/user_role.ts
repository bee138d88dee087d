import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { RoleCode } from '#services/roles'

export default class UserRole extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare role: RoleCode
}
