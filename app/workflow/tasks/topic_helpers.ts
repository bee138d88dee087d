import { currentCalendar } from '#services/calendar/calendar_overrides'
import clock from '#services/clock'
import type { TopicDefinition } from '#workflow/types'

/** Declares a topic; the back-off doubles per failed attempt from `baseMs`, capped at `maxMs`. */
export function defineTopic(
  definition: Omit<TopicDefinition, 'retryTimeoutMs'> & {
    backoff: { baseMs: number; maxMs: number }
  }
): TopicDefinition {
  const { backoff, ...rest } = definition
  return {
    ...rest,
    retryTimeoutMs: (failedAttempts) =>
      Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failedAttempts - 1)),
  }
}

/** A deadline `days` working days from now (app clock, admin overrides applied), for camunda:dueDate. */
export async function workingDaysFromNow(days: number): Promise<string> {
  const calendar = await currentCalendar()
  return calendar.addWorkingDays(clock.now(), days).toUTC().toISO()!
}

export function requireArray<T>(value: unknown, name: string): T[] {
  if (!Array.isArray(value)) throw new TypeError(`process variable "${name}" must be a list`)
  return value as T[]
}

export function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '')
    throw new TypeError(`process variable "${name}" must be a non-empty string`)
  return value
}
