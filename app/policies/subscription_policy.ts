import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'

/*
 * Webhooks belong to the applicant who holds the grant; the controller reads only the caller's
 * own subscriptions (anyone else's id is 404), the action checks the grant is theirs.
 */
export default class SubscriptionPolicy extends BasePolicy {
  create(actor: User) {
    return actor.hasPermission('request.create')
  }
}
