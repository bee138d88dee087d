import { createRequire } from 'node:module'
import chineseDays from 'chinese-days'
import { DateTime } from 'luxon'

/**
 * Working days on the mainland-China government calendar, in Asia/Shanghai.
 *
 * A day is a working day when, in this order of precedence:
 *   1. an admin override for that date says so (overrides always win);
 *   2. the State Council arrangement shipped by `chinese-days` lists it as a make-up working
 *      day (调休上班, e.g. Sun 2026-01-04) or as a holiday (e.g. 2026-10-01…07);
 *   3. for a year after the last one the package covers, the provisional statutory holidays
 *      (see `provisionalHolidays`) make it a day off;
 *   4. otherwise Monday–Friday work, Saturday and Sunday do not.
 *
 * Deadlines: `addWorkingDays(t, n)` is the end (23:59:59.999 Asia/Shanghai) of the n-th working
 * day after the day of t. When t falls on a non-working day, the next working day stands in for
 * t's day (a request filed on Saturday counts as filed on Monday, so n = 1 is due Tuesday), and
 * n = 0 means the end of that day. `workingDaysBetween(a, b)` is its inverse: the working days
 * d with anchor(a) < d <= day(b), so workingDaysBetween(t, addWorkingDays(t, n)) === n.
 *
 * Data: chinese-days 1.5.7 (the newest release) ships the official arrangements for 2004–2026;
 * 2025 (国办发明电〔2024〕12号) and 2026 (国务院办公厅, 2025-11-04) are pinned day by day in the
 * spec. It has nothing for 2027 or later: those years get provisional statutory holidays until
 * the admin enters the official notice as overrides (or the package is upgraded).
 */

export const CALENDAR_ZONE = 'Asia/Shanghai'
/** Bounds the day-by-day walk; no deadline in our processes comes near four years. */
export const MAX_WORKING_DAYS = 1000
/** A year of consecutive days off can only come from broken overrides. */
const MAX_SEARCH_DAYS = 366

export type CalendarInput = DateTime | Date | string

export interface CalendarOverride {
  /** Calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
  readonly date: string
  readonly workday: boolean
  readonly note?: string
}

export type CalendarDaySource =
  'override' | 'holiday' | 'makeup_workday' | 'provisional_holiday' | 'weekend' | 'weekday'

export interface CalendarDay {
  readonly date: string
  readonly workday: boolean
  readonly source: CalendarDaySource
  /** Chinese holiday name (春节, 国庆节…) when the day belongs to one. */
  readonly name?: string
  /** An official holiday paid back by a make-up working day (chinese-days' isInLieu). */
  readonly inLieu: boolean
  readonly note?: string
}

export type YearCoverage = 'official' | 'provisional' | 'weekends_only'

export interface BusinessCalendarOptions {
  /** Default true: statutory holidays for years the package does not cover yet. */
  readonly provisionalHolidays?: boolean
}

export class BusinessCalendarError extends Error {
  readonly code: string = 'E_BUSINESS_CALENDAR'

  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

export class InvalidCalendarDateError extends BusinessCalendarError {
  override readonly code = 'E_INVALID_CALENDAR_DATE'

  constructor(input: unknown) {
    super(`无效的日期 / invalid date: ${String(input)}`)
  }
}

export class InvalidWorkingDaysError extends BusinessCalendarError {
  override readonly code = 'E_INVALID_WORKING_DAYS'

  constructor(days: unknown) {
    super(
      `工作日数必须是 0 到 ${MAX_WORKING_DAYS} 的整数 / working days must be an integer from 0 to ${MAX_WORKING_DAYS}: ${String(days)}`
    )
  }
}

export class InvalidCalendarRangeError extends BusinessCalendarError {
  override readonly code = 'E_INVALID_CALENDAR_RANGE'

  constructor() {
    super('结束时间早于开始时间 / the end is before the start')
  }
}

export class InvalidCalendarOverrideError extends BusinessCalendarError {
  override readonly code = 'E_INVALID_CALENDAR_OVERRIDE'

  constructor(reason: string) {
    super(`无效的日历调整 / invalid calendar override: ${reason}`)
  }
}

interface PackageData {
  readonly holidays: Readonly<Record<string, string>>
  readonly workdays: Readonly<Record<string, string>>
  readonly inLieuDays: Readonly<Record<string, string>>
}

/**
 * The package's runtime API reads 'YYYY-MM-DD' as UTC midnight and formats it with local
 * getters, so its answers shift by a day when the process runs west of UTC; its pre-built JSON
 * tables have no time zone at all.
 */
function loadPackageData(): PackageData {
  const data: unknown = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json')
  const isTable = (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((entry) => typeof entry === 'string')
  const record = (data ?? {}) as Record<string, unknown>
  if (!isTable(record.holidays) || !isTable(record.workdays) || !isTable(record.inLieuDays)) {
    throw new BusinessCalendarError(
      'chinese-days 数据格式已变化 / unexpected chinese-days data format'
    )
  }
  return record as unknown as PackageData
}

const PACKAGE_DATA = loadPackageData()
const OFFICIAL_YEARS: ReadonlySet<number> = new Set(
  Object.keys(PACKAGE_DATA.holidays).map((date) => Number(date.slice(0, 4)))
)
const LAST_OFFICIAL_YEAR = Math.max(...OFFICIAL_YEARS)
/** The package's lunar tables end with 2100; a lunar year needs the next one's start too. */
const LAST_PROVISIONAL_YEAR = 2099

/** Package entries look like "Spring Festival,春节,4". */
function chineseName(entry: string): string {
  return entry.split(',')[1] ?? entry
}

function isWeekend(day: DateTime): boolean {
  return day.weekday >= 6
}

function fromLunar(year: number, month: number, day: number): DateTime {
  // A local Date keeps the package's lunar conversion independent of the process time zone.
  const solar = chineseDays.getSolarDateFromLunar(new Date(year, month - 1, day)).date
  return DateTime.fromISO(solar, { zone: CALENDAR_ZONE })
}

function qingming(year: number): DateTime {
  const raw = DateTime.fromISO(chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), {
    zone: CALENDAR_ZONE,
  })
  // Same UTC-midnight/local-getter skew as above: west of UTC the package reports the day before.
  const skewed = new Date(Date.UTC(year, 3, raw.day)).getTimezoneOffset() > 0
  const date = skewed ? raw.plus({ days: 1 }) : raw
  if (date.month !== 4 || date.day < 4 || date.day > 6) {
    throw new BusinessCalendarError(`清明日期异常 / unexpected Qingming date ${date.toISODate()}`)
  }
  return date
}

/**
 * Statutory days off of 《全国年节及纪念日放假办法》 (2024 revision, 13 days): 元旦 1, 春节 4
 * (除夕 to 初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. Art. 6: a statutory day on a weekend
 * (or on another holiday) is given back on a working day; we take the first free weekday after
 * the holiday. The official notice adds 调休 swaps we cannot predict, hence "provisional".
 */
export function provisionalHolidays(year: number): Map<string, string> {
  const day = (month: number, date: number) =>
    DateTime.fromObject({ year, month, day: date }, { zone: CALENDAR_ZONE })
  const springFestival = fromLunar(year, 1, 1)
  const groups: Array<[string, DateTime[]]> = [
    ['元旦', [day(1, 1)]],
    ['春节', [-1, 0, 1, 2].map((offset) => springFestival.plus({ days: offset }))],
    ['清明节', [qingming(year)]],
    ['劳动节', [day(5, 1), day(5, 2)]],
    ['端午节', [fromLunar(year, 5, 5)]],
    ['中秋节', [fromLunar(year, 8, 15)]],
    ['国庆节', [day(10, 1), day(10, 2), day(10, 3)]],
  ]
  groups.sort(([, a], [, b]) => a[0].toMillis() - b[0].toMillis())
  const statutory = new Set(groups.flatMap(([, dates]) => dates.map((date) => date.toISODate())))

  const holidays = new Map<string, string>()
  for (const [name, dates] of groups) {
    let owed = 0
    for (const date of dates) {
      const key = date.toISODate() as string
      if (isWeekend(date) || holidays.has(key)) owed++
      else holidays.set(key, name)
    }
    let cursor = dates[dates.length - 1]
    while (owed > 0) {
      cursor = cursor.plus({ days: 1 })
      const key = cursor.toISODate() as string
      if (isWeekend(cursor) || holidays.has(key) || statutory.has(key)) continue
      holidays.set(key, name)
      owed--
    }
  }
  return holidays
}

/** A Date or DateTime is an instant; a string is ISO 8601, read in Asia/Shanghai unless it has an offset. */
function toInstant(input: CalendarInput): DateTime {
  let value: DateTime
  if (DateTime.isDateTime(input)) value = input
  else if (input instanceof Date) value = DateTime.fromJSDate(input)
  else if (typeof input === 'string') value = DateTime.fromISO(input, { zone: CALENDAR_ZONE })
  else throw new InvalidCalendarDateError(input)
  if (!value.isValid) throw new InvalidCalendarDateError(input)
  return value.setZone(CALENDAR_ZONE)
}

function toDay(input: CalendarInput): DateTime {
  return toInstant(input).startOf('day')
}

function validateOverrides(overrides: readonly CalendarOverride[]): Map<string, CalendarOverride> {
  const byDate = new Map<string, CalendarOverride>()
  for (const override of overrides) {
    const { date, workday } = override
    if (
      typeof date !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
      !DateTime.fromISO(date).isValid
    ) {
      throw new InvalidCalendarOverrideError(`date ${String(date)}`)
    }
    if (typeof workday !== 'boolean') throw new InvalidCalendarOverrideError(`workday of ${date}`)
    // Two rows for one day is a data error the admin must see, not a silent last-wins.
    if (byDate.has(date)) throw new InvalidCalendarOverrideError(`duplicate date ${date}`)
    byDate.set(date, override)
  }
  return byDate
}

export class BusinessCalendar {
  readonly #overrides: Map<string, CalendarOverride>
  readonly #provisional: boolean
  readonly #provisionalByYear = new Map<number, Map<string, string>>()

  constructor(overrides: readonly CalendarOverride[] = [], options: BusinessCalendarOptions = {}) {
    this.#overrides = validateOverrides(overrides)
    this.#provisional = options.provisionalHolidays ?? true
  }

  /** Years for which chinese-days ships the official State Council arrangement. */
  static officialYears(): number[] {
    return [...OFFICIAL_YEARS].sort((a, b) => a - b)
  }

  /** Where the holidays of `year` come from (overrides aside). */
  coverage(year: number): YearCoverage {
    if (OFFICIAL_YEARS.has(year)) return 'official'
    const provisional = year > LAST_OFFICIAL_YEAR && year <= LAST_PROVISIONAL_YEAR
    return this.#provisional && provisional ? 'provisional' : 'weekends_only'
  }

  describeDay(date: CalendarInput): CalendarDay {
    return this.#describe(toDay(date))
  }

  isWorkingDay(date: CalendarInput): boolean {
    return this.#describe(toDay(date)).workday
  }

  /** The first working day strictly after the day of `date`, at 00:00 Asia/Shanghai. */
  nextWorkingDay(date: CalendarInput): DateTime {
    return this.#nextWorking(toDay(date))
  }

  /** Due instant of a deadline of `days` working days from `start` (see the header). */
  addWorkingDays(start: CalendarInput, days: number): DateTime {
    if (!Number.isInteger(days) || days < 0 || days > MAX_WORKING_DAYS) {
      throw new InvalidWorkingDaysError(days)
    }
    let day = this.#anchor(toDay(start))
    for (let counted = 0; counted < days; counted++) day = this.#nextWorking(day)
    return day.endOf('day')
  }

  /** Working days after the (anchored) day of `start`, up to and including the day of `end`. */
  workingDaysBetween(start: CalendarInput, end: CalendarInput): number {
    const from = toInstant(start)
    const to = toInstant(end)
    if (to < from) throw new InvalidCalendarRangeError()
    const last = to.startOf('day')
    let count = 0
    for (
      let day = this.#anchor(from.startOf('day')).plus({ days: 1 });
      day <= last;
      day = day.plus({ days: 1 })
    ) {
      if (this.#describe(day).workday) count++
    }
    return count
  }

  #anchor(day: DateTime): DateTime {
    return this.#describe(day).workday ? day : this.#nextWorking(day)
  }

  #nextWorking(day: DateTime): DateTime {
    let cursor = day
    for (let step = 0; step < MAX_SEARCH_DAYS; step++) {
      cursor = cursor.plus({ days: 1 })
      if (this.#describe(cursor).workday) return cursor
    }
    throw new BusinessCalendarError(
      `${day.toISODate()} 之后 ${MAX_SEARCH_DAYS} 天内没有工作日 / no working day within ${MAX_SEARCH_DAYS} days after ${day.toISODate()}`
    )
  }

  #describe(day: DateTime): CalendarDay {
    const date = day.toISODate() as string
    const override = this.#overrides.get(date)
    if (override) {
      return {
        date,
        workday: override.workday,
        source: 'override',
        inLieu: false,
        note: override.note,
      }
    }
    const { workdays, holidays, inLieuDays } = PACKAGE_DATA
    if (Object.hasOwn(workdays, date)) {
      return {
        date,
        workday: true,
        source: 'makeup_workday',
        name: chineseName(workdays[date]),
        inLieu: false,
      }
    }
    if (Object.hasOwn(holidays, date)) {
      const inLieu = Object.hasOwn(inLieuDays, date)
      return { date, workday: false, source: 'holiday', name: chineseName(holidays[date]), inLieu }
    }
    if (this.coverage(day.year) === 'provisional') {
      const name = this.#provisionalFor(day.year).get(date)
      if (name !== undefined)
        return { date, workday: false, source: 'provisional_holiday', name, inLieu: false }
    }
    return isWeekend(day)
      ? { date, workday: false, source: 'weekend', inLieu: false }
      : { date, workday: true, source: 'weekday', inLieu: false }
  }

  #provisionalFor(year: number): Map<string, string> {
    let holidays = this.#provisionalByYear.get(year)
    if (!holidays) {
      holidays = provisionalHolidays(year)
      this.#provisionalByYear.set(year, holidays)
    }
    return holidays
  }
}
