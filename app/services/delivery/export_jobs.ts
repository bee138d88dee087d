import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { exportLimits } from '#config/exports'

/** A time as the models write it (the dialect's format), so raw updates compare with model writes. */
export function sqlTime(time: DateTime) {
  return time.toUTC().toFormat(db.connection().dialect.dateTimeFormat)
}

/** Seconds to wait before the next attempt after `attempts` failed ones: 30 s, 2 min, 8 min… */
export function backoffSeconds(attempts: number) {
  return exportLimits.retryBaseSeconds * 4 ** Math.max(0, attempts - 1)
}
