import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  BusinessCalendar,
  BusinessCalendarError,
  InvalidCalendarDateError,
  InvalidCalendarOverrideError,
  InvalidCalendarRangeError,
  InvalidWorkingDaysError,
  MAX_WORKING_DAYS,
  provisionalHolidays,
} from '../../../app/services/business_calendar.js'

/** Inclusive list of ISO dates. */
function span(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = DateTime.fromISO(from); day <= DateTime.fromISO(to); day = day.plus({ days: 1 })) {
    days.push(day.toISODate() as string)
  }
  return days
}

// Typed from the State Council notices (国办发明电〔2024〕12号 for 2025, the notice of 2025-11-04
// for 2026), independently of chinese-days, so a wrong row in the package fails here.
const OFFICIAL = {
  2025: {
    holidays: [
      '2025-01-01',
      ...span('2025-01-28', '2025-02-04'),
      ...span('2025-04-04', '2025-04-06'),
      ...span('2025-05-01', '2025-05-05'),
      ...span('2025-05-31', '2025-06-02'),
      ...span('2025-10-01', '2025-10-08'),
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: [
      ...span('2026-01-01', '2026-01-03'),
      ...span('2026-02-15', '2026-02-23'),
      ...span('2026-04-04', '2026-04-06'),
      ...span('2026-05-01', '2026-05-05'),
      ...span('2026-06-19', '2026-06-21'),
      ...span('2026-09-25', '2026-09-27'),
      ...span('2026-10-01', '2026-10-07'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
}

const calendar = new BusinessCalendar()

/** Due date as ISO in Asia/Shanghai, the form every assertion below compares. */
function due(start: string | Date | DateTime, days: number, on = calendar): string {
  return on.addWorkingDays(start, days).toISO() as string
}

function endOf(date: string): string {
  return `${date}T23:59:59.999+08:00`
}

test.group('BusinessCalendar | official data 2025–2026', () => {
  for (const [year, { holidays, workdays }] of Object.entries(OFFICIAL)) {
    test(`every day of ${year} matches the State Council notice`, ({ assert }) => {
      const mismatches = span(`${year}-01-01`, `${year}-12-31`).filter((date) => {
        const weekday = DateTime.fromISO(date).weekday
        const expected = workdays.includes(date) || (weekday <= 5 && !holidays.includes(date))
        return calendar.isWorkingDay(date) !== expected
      })
      assert.deepEqual(mismatches, [])
      assert.equal(calendar.coverage(Number(year)), 'official')
    })
  }

  test('describes holidays, make-up working days and in-lieu days', ({ assert }) => {
    assert.deepInclude(calendar.describeDay('2026-02-17'), {
      workday: false,
      source: 'holiday',
      name: '春节',
    })
    assert.deepInclude(calendar.describeDay('2026-09-20'), {
      workday: true,
      source: 'makeup_workday',
      name: '国庆节',
    })
    assert.deepInclude(calendar.describeDay('2026-10-07'), { source: 'holiday', inLieu: true })
    assert.deepInclude(calendar.describeDay('2026-10-01'), { source: 'holiday', inLieu: false })
    assert.deepInclude(calendar.describeDay('2026-03-07'), { workday: false, source: 'weekend' })
    assert.deepInclude(calendar.describeDay('2026-03-09'), { workday: true, source: 'weekday' })
  })

  test('knows which years the package covers', ({ assert }) => {
    const years = BusinessCalendar.officialYears()
    assert.includeMembers(years, [2025, 2026])
    assert.notInclude(years, 2027)
    assert.equal(calendar.coverage(2027), 'provisional')
    assert.equal(
      new BusinessCalendar([], { provisionalHolidays: false }).coverage(2027),
      'weekends_only'
    )
    assert.equal(calendar.coverage(2100), 'weekends_only')
  })
})

test.group('BusinessCalendar | addWorkingDays', () => {
  test('counts weekdays and skips weekends', ({ assert }) => {
    assert.equal(due('2026-03-03T10:00:00+08:00', 3), endOf('2026-03-06'))
    assert.equal(due('2026-03-05T10:00:00+08:00', 2), endOf('2026-03-09'))
  })

  test('N = 0 ends the same working day, or the next one when filed on a day off', ({ assert }) => {
    assert.equal(due('2026-03-04T08:00:00+08:00', 0), endOf('2026-03-04'))
    assert.equal(due('2026-03-07T08:00:00+08:00', 0), endOf('2026-03-09'))
  })

  test('a submission on a day off counts from the next working day', ({ assert }) => {
    assert.equal(due('2026-03-07T10:00:00+08:00', 1), endOf('2026-03-10'))
    assert.equal(due('2026-10-03T10:00:00+08:00', 1), endOf('2026-10-09'))
  })

  test('takes the day in Asia/Shanghai, whatever zone the instant is given in', ({ assert }) => {
    assert.equal(due('2026-03-06T15:00:00Z', 1), endOf('2026-03-09'))
    assert.equal(due('2026-03-06T17:00:00Z', 1), endOf('2026-03-10'))
    assert.equal(due(new Date('2026-03-06T17:00:00Z'), 1), endOf('2026-03-10'))
    assert.equal(
      due(DateTime.fromISO('2026-03-06T12:00:00', { zone: 'America/New_York' }), 1),
      endOf('2026-03-10')
    )
    assert.equal(calendar.addWorkingDays('2026-03-06', 1).zoneName, 'Asia/Shanghai')
  })

  test('skips 国庆 2026 and counts its make-up Saturday', ({ assert }) => {
    assert.equal(due('2026-09-30T10:00:00+08:00', 1), endOf('2026-10-08'))
    assert.equal(due('2026-09-30T10:00:00+08:00', 3), endOf('2026-10-10'))
    assert.equal(due('2026-09-18T10:00:00+08:00', 1), endOf('2026-09-20'))
  })

  test('skips 春节 2026 and counts its make-up Saturdays', ({ assert }) => {
    assert.equal(due('2026-02-13T10:00:00+08:00', 1), endOf('2026-02-14'))
    assert.equal(due('2026-02-13T10:00:00+08:00', 2), endOf('2026-02-24'))
    assert.equal(due('2026-02-27T10:00:00+08:00', 1), endOf('2026-02-28'))
  })

  test('crosses 2025 → 2026 through 元旦 and the make-up Sunday of Jan 4', ({ assert }) => {
    assert.equal(due('2025-12-29T10:00:00+08:00', 3), endOf('2026-01-04'))
  })

  test('crosses 2026 → 2027 and skips the (provisional) 元旦 holiday', ({ assert }) => {
    assert.equal(due('2026-12-24T10:00:00+08:00', 5), endOf('2026-12-31'))
    assert.equal(due('2026-12-28T10:00:00+08:00', 5), endOf('2027-01-05'))
    assert.deepInclude(calendar.describeDay('2027-01-01'), {
      workday: false,
      source: 'provisional_holiday',
      name: '元旦',
    })
  })

  test('rejects negative, fractional and oversized N', ({ assert }) => {
    for (const days of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_WORKING_DAYS + 1]) {
      assert.throws(() => calendar.addWorkingDays('2026-03-03', days), InvalidWorkingDaysError)
    }
    assert.doesNotThrow(() => calendar.addWorkingDays('2026-03-03', MAX_WORKING_DAYS))
  })

  test('rejects invalid dates', ({ assert }) => {
    for (const input of ['2026-02-30', 'next monday', '', new Date('nope')]) {
      assert.throws(() => calendar.addWorkingDays(input, 1), InvalidCalendarDateError)
    }
  })
})

test.group('BusinessCalendar | admin overrides', () => {
  test('win over weekdays, package holidays and make-up days', ({ assert }) => {
    const custom = new BusinessCalendar([
      { date: '2026-03-09', workday: false, note: '防汛应急' },
      { date: '2026-10-07', workday: true },
      { date: '2026-10-10', workday: false },
      { date: '2026-03-14', workday: true },
    ])
    assert.deepInclude(custom.describeDay('2026-03-09'), {
      workday: false,
      source: 'override',
      note: '防汛应急',
    })
    assert.equal(due('2026-03-06T10:00:00+08:00', 1, custom), endOf('2026-03-10'))
    assert.equal(due('2026-09-30T10:00:00+08:00', 1, custom), endOf('2026-10-07'))
    assert.equal(due('2026-10-09T10:00:00+08:00', 1, custom), endOf('2026-10-12'))
    assert.equal(due('2026-03-13T10:00:00+08:00', 1, custom), endOf('2026-03-14'))
    assert.isTrue(calendar.isWorkingDay('2026-03-09'))
  })

  test('win over provisional holidays', ({ assert }) => {
    const custom = new BusinessCalendar([
      { date: '2027-01-01', workday: true, note: '按正式通知调整' },
    ])
    assert.equal(due('2026-12-28T10:00:00+08:00', 5, custom), endOf('2027-01-04'))
  })

  test('refuse malformed and duplicate rows', ({ assert }) => {
    const rows = [
      [{ date: '2026-13-01', workday: true }],
      [{ date: '2026-3-1', workday: true }],
      [{ date: '2026-03-01', workday: 'yes' as unknown as boolean }],
      [
        { date: '2026-03-01', workday: true },
        { date: '2026-03-01', workday: false },
      ],
    ]
    for (const overrides of rows) {
      assert.throws(() => new BusinessCalendar(overrides), InvalidCalendarOverrideError)
    }
  })

  test('a year of days off is reported, not looped on forever', ({ assert }) => {
    const closed = span('2030-01-01', '2031-02-01').map((date) => ({ date, workday: false }))
    assert.throws(
      () => new BusinessCalendar(closed).nextWorkingDay('2029-12-31'),
      BusinessCalendarError
    )
  })
})

test.group('BusinessCalendar | nextWorkingDay and workingDaysBetween', () => {
  test('nextWorkingDay is strictly after the day, at midnight in Shanghai', ({ assert }) => {
    assert.equal(
      calendar.nextWorkingDay('2026-09-30T20:00:00+08:00').toISO(),
      '2026-10-08T00:00:00.000+08:00'
    )
    assert.equal(calendar.nextWorkingDay('2026-02-13').toISODate(), '2026-02-14')
    assert.equal(calendar.nextWorkingDay('2026-03-09').toISODate(), '2026-03-10')
  })

  test('workingDaysBetween counts the working days after the start day up to the end day', ({
    assert,
  }) => {
    assert.equal(
      calendar.workingDaysBetween('2026-09-30T09:00:00+08:00', '2026-10-09T18:00:00+08:00'),
      2
    )
    assert.equal(
      calendar.workingDaysBetween('2026-03-07T09:00:00+08:00', '2026-03-09T18:00:00+08:00'),
      0
    )
    assert.equal(
      calendar.workingDaysBetween('2026-03-09T09:00:00+08:00', '2026-03-09T09:00:00+08:00'),
      0
    )
    // 261 weekdays − 19 weekday holidays + 6 make-up days; Dec 31 2025 itself is not counted.
    assert.equal(calendar.workingDaysBetween('2025-12-31', '2026-12-31'), 248)
    assert.throws(
      () => calendar.workingDaysBetween('2026-03-10', '2026-03-09'),
      InvalidCalendarRangeError
    )
  })

  test('is the inverse of addWorkingDays around holidays and the year boundary', ({ assert }) => {
    const starts = [
      ...span('2026-09-15', '2026-10-15'),
      ...span('2026-12-20', '2027-01-10'),
      ...span('2026-02-10', '2026-03-01'),
    ]
    const broken: string[] = []
    for (const start of starts) {
      for (let days = 0; days <= 7; days++) {
        const instant = `${start}T14:30:00+08:00`
        if (calendar.workingDaysBetween(instant, calendar.addWorkingDays(instant, days)) !== days) {
          broken.push(`${start}+${days}`)
        }
      }
    }
    assert.deepEqual(broken, [])
  })
})

test.group('BusinessCalendar | provisional statutory holidays', () => {
  test('2027 gets the 13 statutory days, weekend ones given back on the next free weekday', ({
    assert,
  }) => {
    assert.deepEqual(Object.fromEntries(provisionalHolidays(2027)), {
      '2027-01-01': '元旦',
      '2027-02-05': '春节',
      '2027-02-08': '春节',
      '2027-02-09': '春节',
      '2027-02-10': '春节',
      '2027-04-05': '清明节',
      '2027-05-03': '劳动节',
      '2027-05-04': '劳动节',
      '2027-06-09': '端午节',
      '2027-09-15': '中秋节',
      '2027-10-01': '国庆节',
      '2027-10-04': '国庆节',
      '2027-10-05': '国庆节',
    })
  })

  test('every later year has exactly 13 weekdays off, even when 中秋 meets 国庆', ({ assert }) => {
    for (let year = 2027; year <= 2040; year++) {
      const days = [...provisionalHolidays(year).keys()]
      assert.lengthOf(days, 13, String(year))
      assert.isTrue(
        days.every((date) => DateTime.fromISO(date).weekday <= 5),
        String(year)
      )
    }
    assert.equal(provisionalHolidays(2028).get('2028-10-03'), '国庆节')
  })

  test('do not depend on the process time zone', ({ assert, cleanup }) => {
    // Several years, because a one-day skew can be hidden when it lands on a weekend (2027).
    const years = [2027, 2028, 2029, 2030]
    const all = () => years.map((year) => Object.fromEntries(provisionalHolidays(year)))
    const expected = all()
    assert.equal(provisionalHolidays(2028).get('2028-04-04'), '清明节')
    const previous = process.env.TZ
    cleanup(() => {
      if (previous === undefined) delete process.env.TZ
      else process.env.TZ = previous
    })
    for (const zone of ['America/New_York', 'Pacific/Pago_Pago', 'Pacific/Kiritimati', 'UTC']) {
      process.env.TZ = zone
      assert.deepEqual(all(), expected, zone)
      assert.equal(
        new BusinessCalendar().addWorkingDays('2026-09-30T10:00:00+08:00', 1).toISO(),
        endOf('2026-10-08'),
        zone
      )
    }
  })

  test('can be switched off, leaving weekends only', ({ assert }) => {
    const plain = new BusinessCalendar([], { provisionalHolidays: false })
    assert.isTrue(plain.isWorkingDay('2027-01-01'))
    assert.equal(due('2026-12-28T10:00:00+08:00', 5, plain), endOf('2027-01-04'))
  })
})
