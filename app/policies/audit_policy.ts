import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'

/** 三权分立: only the audit admin reads the trail; nobody changes it through the API. */
export default class AuditPolicy extends BasePolicy {
  read(actor: User) {
    return actor.hasPermission('audit.read')
  }
}
