import type { HttpContext } from '@adonisjs/core/http'
import CalendarPolicy from '#policies/calendar_policy'
import SaveCalendarOverride, { assertCalendarDate } from '#actions/calendar/save_calendar_override'
import { actorFromContext } from '#services/audit/audit_log'
import { calendarYear } from '#services/calendar/calendar_year'
import { validateBody } from '#validators/strict'
import {
  CALENDAR_YEARS,
  createOverrideFields,
  createOverrideValidator,
  updateOverrideFields,
  updateOverrideValidator,
} from '#validators/calendar'
import FieldConflictException from '#exceptions/field_conflict_exception'

/** 工作日历: the business calendar of a year and the admins' overrides of it. */
export default class CalendarController {
  async year(ctx: HttpContext) {
    await ctx.bouncer.with(CalendarPolicy).authorize('manage')
    const year = Number(ctx.params.year)
    if (year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) {
      throw new FieldConflictException(
        'year',
        'range',
        `年份须在 ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max} 之间 / the year must be ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max}`
      )
    }
    return { data: await calendarYear(year) }
  }

  async create(ctx: HttpContext) {
    await ctx.bouncer.with(CalendarPolicy).authorize('manage')
    const input = await validateBody(
      ctx,
      createOverrideValidator,
      Object.keys(createOverrideFields)
    )
    await new SaveCalendarOverride().create(input.date, input, actorFromContext(ctx))
    return ctx.response.status(201).send({ data: await this.day(input.date) })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(CalendarPolicy).authorize('manage')
    const date = String(ctx.params.date)
    assertCalendarDate(date)
    const input = await validateBody(
      ctx,
      updateOverrideValidator,
      Object.keys(updateOverrideFields)
    )
    await new SaveCalendarOverride().update(date, input, actorFromContext(ctx))
    return { data: await this.day(date) }
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(CalendarPolicy).authorize('manage')
    await new SaveCalendarOverride().remove(String(ctx.params.date), actorFromContext(ctx))
    return ctx.response.noContent()
  }

  /** The day as the calendar now sees it (after the change). */
  private async day(date: string) {
    const { days } = await calendarYear(Number(date.slice(0, 4)))
    return days.find((d) => d.date === date) ?? null
  }
}
