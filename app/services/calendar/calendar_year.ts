import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { CALENDAR_ZONE, type CalendarDay } from '#services/business_calendar'
import { currentCalendar } from '#services/calendar/calendar_overrides'

export type DaySource = 'official' | 'provisional' | 'override'

/*
 * The days of a year that differ from a plain Mon–Fri week: holidays, make-up working days and
 * overrides, each with where it comes from (chinese-days' official notice, our provisional
 * statutory holidays, or an admin override with its note and editor).
 */
export async function calendarYear(year: number) {
  const calendar = await currentCalendar()
  const overrides = await db
    .from('calendar_overrides as o')
    .leftJoin('users as u', 'u.id', 'o.updated_by')
    .whereNull('o.deleted_at_ms')
    .whereBetween('o.date', [`${year}-01-01`, `${year}-12-31`])
    .select('o.date', 'o.updated_at_ms', 'u.username')
  const edited = new Map(overrides.map((row) => [row.date as string, row]))

  const days = []
  const last = DateTime.fromObject({ year, month: 12, day: 31 }, { zone: CALENDAR_ZONE })
  for (
    let day = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: CALENDAR_ZONE });
    day <= last;
    day = day.plus({ days: 1 })
  ) {
    const described = calendar.describeDay(day)
    const source = sourceOf(described)
    if (!source) continue
    const override = edited.get(described.date)
    days.push({
      date: described.date,
      workday: described.workday,
      source,
      name: described.name ?? null,
      note: described.note ?? null,
      updatedBy: override?.username ?? null,
      updatedAt: override
        ? DateTime.fromMillis(Number(override.updated_at_ms)).toUTC().toISO()
        : null,
    })
  }
  return { year, coverage: calendar.coverage(year), days }
}

function sourceOf(day: CalendarDay): DaySource | null {
  if (day.source === 'override') return 'override'
  if (day.source === 'holiday' || day.source === 'makeup_workday') return 'official'
  if (day.source === 'provisional_holiday') return 'provisional'
  return null
}
