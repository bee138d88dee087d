import db from '@adonisjs/lucid/services/db'
import { BusinessCalendar, type CalendarOverride } from '#services/business_calendar'

/*
 * The business calendar with the admins' overrides from `calendar_overrides` on top. Every
 * caller asks `currentCalendar()`, which costs one aggregate query: another app instance's edit
 * changes count or max(updated_at_ms) (removals are soft), and the next call reloads.
 */
let cached: { version: string; calendar: BusinessCalendar } | null = null

async function overrideVersion(): Promise<string> {
  const [row] = await db.from('calendar_overrides').count('* as n').max('updated_at_ms as latest')
  return `${Number(row.n)}:${Number(row.latest ?? 0)}`
}

export async function activeOverrides(): Promise<CalendarOverride[]> {
  const rows = await db
    .from('calendar_overrides')
    .whereNull('deleted_at_ms')
    .orderBy('date')
    .select('date', 'workday', 'note')
  return rows.map((row) => ({
    date: row.date,
    workday: Boolean(row.workday),
    note: row.note ?? undefined,
  }))
}

export async function currentCalendar(): Promise<BusinessCalendar> {
  const version = await overrideVersion()
  if (cached?.version !== version) {
    cached = { version, calendar: new BusinessCalendar(await activeOverrides()) }
  }
  return cached.calendar
}

/** This instance's own edits need not wait for the version check. */
export function forgetCalendar() {
  cached = null
}
