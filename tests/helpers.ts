import User from '#models/user'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Group } from '@japa/runner/core'

/** Demo users of database/data/city.ts, by role. */
export const DEMO_BY_ROLE = {
  applicant: 'applicant',
  dept_reviewer: 'deptreviewer',
  owner_reviewer: 'ownerreviewer',
  security_officer: 'secofficer',
  catalog_admin: 'catalogadmin',
  process_admin: 'processadmin',
  system_admin: 'sysadmin',
  security_admin: 'secadmin',
  audit_admin: 'auditadmin',
} as const

export const DEMO_PASSWORD = 'EcoShare@2026'

export function demoUser(username: string) {
  return User.query().where('username', username).preload('roleRows').firstOrFail()
}

/** Each test in its own rolled-back transaction, with the clock back at real time. */
export function isolate(group: Group) {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())
}

export function auditRows(action: string) {
  return db.from('audit_events').where('action', action).orderBy('seq', 'desc')
}
