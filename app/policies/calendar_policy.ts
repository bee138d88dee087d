import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'

/** The business calendar's overrides: process admins and system admins (roles.ts, calendar.manage). */
export default class CalendarPolicy extends BasePolicy {
  manage(actor: User) {
    return actor.hasPermission('calendar.manage')
  }
}
