import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'

export default class UserPolicy extends BasePolicy {
  viewList(actor: User) {
    return actor.hasPermission('users.read') || actor.hasPermission('users.manage')
  }

  create(actor: User) {
    return actor.hasPermission('users.manage')
  }

  update(actor: User) {
    return actor.hasPermission('users.manage')
  }

  /** Unlocking a locked account and ending its sessions is a security-admin duty. */
  unlock(actor: User) {
    return actor.hasPermission('users.unlock')
  }
}
