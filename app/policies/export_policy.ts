import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'

/*
 * Exports belong to the applicant who created them (others get 404 from the controller). The
 * system admin and the security officer see everyone's — failed jobs are their incident queue —
 * and may run a failed job again after fixing its cause.
 */
export default class ExportPolicy extends BasePolicy {
  create(actor: User) {
    return actor.hasPermission('request.create')
  }

  listAll(actor: User) {
    return actor.roles.includes('system_admin') || actor.roles.includes('security_officer')
  }

  retry(actor: User) {
    return this.listAll(actor)
  }
}
