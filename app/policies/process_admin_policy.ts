import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'

/** Deploying process versions and retrying incidents is the process admin's alone. */
export default class ProcessAdminPolicy extends BasePolicy {
  manage(actor: User) {
    return actor.hasPermission('process.manage')
  }
}
