import { Bouncer } from '@adonisjs/bouncer'
import type User from '#models/user'
import type { Permission } from '#services/roles'

/** Generic permission check for routes whose rule is just "holds permission X". */
export const hasPermission = Bouncer.ability((user: User, permission: Permission) => {
  return user.hasPermission(permission)
})
