import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'

/*
 * The usage trail is readable by every logged-in user, but each sees only their slice
 * (usage_query.ts): their own calls, calls on their organisation's datasets (owners), or
 * everything (audit admin, security officer).
 */
export default class UsagePolicy extends BasePolicy {
  read(actor: User) {
    return actor.status === 'active'
  }

  readAll(actor: User) {
    return actor.hasPermission('audit.read') || actor.roles.includes('security_officer')
  }

  readOwned(actor: User) {
    return actor.roles.includes('owner_reviewer')
  }
}
