import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'

export default class OrganisationPolicy extends BasePolicy {
  viewList(actor: User) {
    return actor.hasPermission('organisations.manage') || actor.hasPermission('users.read')
  }

  manage(actor: User) {
    return actor.hasPermission('organisations.manage')
  }
}
