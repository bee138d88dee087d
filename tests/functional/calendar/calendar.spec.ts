import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock'
import { currentCalendar } from '#services/calendar/calendar_overrides'
import { auditRows, isolate } from '#tests/helpers'
import { form, requestGroup } from '../requests/fixtures.js'
import { as, travelTo } from '../requests/timeout_helpers.js'

const OVERRIDES = '/api/v1/calendar/overrides'

test.group('Calendar / a year and its sources', (group) => {
  isolate(group)

  test('lists 2026 from the State Council notice: holidays and make-up days', async ({
    client,
    assert,
  }) => {
    const response = await as(client, 'processadmin').get('/api/v1/calendar/years/2026')
    response.assertStatus(200)
    const { coverage, days } = response.body().data
    assert.equal(coverage, 'official')
    const byDate = new Map(days.map((d: any) => [d.date, d]))
    assert.deepInclude(byDate.get('2026-10-01'), {
      workday: false,
      source: 'official',
      name: '国庆节',
    })
    assert.deepInclude(byDate.get('2026-01-04'), { workday: true, source: 'official' })
    assert.isFalse(byDate.has('2026-03-04'), 'an ordinary Wednesday is not listed')
  })

  test('a year without a notice is provisional', async ({ client, assert }) => {
    const response = await as(client, 'sysadmin').get('/api/v1/calendar/years/2027')
    response.assertStatus(200)
    assert.equal(response.body().data.coverage, 'provisional')
    const newYear = response.body().data.days.find((d: any) => d.date === '2027-01-01')
    assert.deepInclude(newYear, { workday: false, source: 'provisional', name: '元旦' })
  })

  test('only process and system admins see or change it', async ({ client }) => {
    ;(await as(client, 'applicant').get('/api/v1/calendar/years/2026')).assertStatus(403)
    ;(await as(client, 'auditadmin').get('/api/v1/calendar/years/2026')).assertStatus(403)
    const denied = await as(client, 'deptreviewer').post(OVERRIDES, {
      date: '2026-03-04',
      workday: false,
    })
    denied.assertStatus(403)
    ;(await client.get('/api/v1/calendar/years/2026')).assertStatus(401)
  })

  test('years outside 2025–2030 are refused', async ({ client, assert }) => {
    const response = await as(client, 'processadmin').get('/api/v1/calendar/years/2031')
    response.assertStatus(422)
    assert.equal(response.body().error.details[0].field, 'year')
    ;(await as(client, 'processadmin').get('/api/v1/calendar/years/2024')).assertStatus(422)
  })
})

test.group('Calendar / overrides', (group) => {
  isolate(group)

  test('add, change and remove an override day, each audited', async ({ client, assert }) => {
    const admin = as(client, 'processadmin')
    const created = await admin.post(OVERRIDES, {
      date: '2026-03-04',
      workday: false,
      note: '全市停电检修，放假一天',
    })
    created.assertStatus(201)
    assert.deepInclude(created.body().data, {
      date: '2026-03-04',
      workday: false,
      source: 'override',
      note: '全市停电检修，放假一天',
      updatedBy: 'processadmin',
    })
    const again = await admin.post(OVERRIDES, { date: '2026-03-04', workday: true })
    again.assertStatus(409)
    assert.equal(again.body().error.code, 'E_CALENDAR_OVERRIDE_EXISTS')

    const changed = await admin.put(`${OVERRIDES}/2026-03-04`, { workday: true, note: null })
    changed.assertStatus(200)
    assert.deepInclude(changed.body().data, { workday: true, source: 'override', note: null })

    ;(await admin.delete(`${OVERRIDES}/2026-03-04`)).assertStatus(204)
    const year = await admin.get('/api/v1/calendar/years/2026')
    assert.isUndefined(year.body().data.days.find((d: any) => d.date === '2026-03-04'))
    ;(await admin.delete(`${OVERRIDES}/2026-03-04`)).assertStatus(404)
    ;(await admin.put(`${OVERRIDES}/2026-03-04`, { workday: true })).assertStatus(404)

    // Removed, then added again: the same row comes back.
    ;(await admin.post(OVERRIDES, { date: '2026-03-04', workday: false })).assertStatus(201)
    assert.lengthOf(await auditRows('calendar.override.create'), 2)
    const [update] = await auditRows('calendar.override.update')
    assert.equal(update.object_id, '2026-03-04')
    assert.lengthOf(await auditRows('calendar.override.delete'), 1)
  })

  test('two admins adding the same day at once: one 201, one 409', async ({ client, assert }) => {
    const body = { date: '2026-05-06', workday: false }
    const answers = await Promise.all([
      as(client, 'processadmin').post(OVERRIDES, body),
      as(client, 'sysadmin').post(OVERRIDES, body),
    ])
    assert.sameMembers(
      answers.map((r) => r.status()),
      [201, 409]
    )
    assert.lengthOf(await db.from('calendar_overrides').where('date', '2026-05-06'), 1)
  })

  test('an override wins over the official calendar', async ({ client, assert }) => {
    const admin = as(client, 'sysadmin')
    // 2026-10-10 is an official make-up Saturday; 2026-10-01 an official holiday.
    ;(await admin.post(OVERRIDES, { date: '2026-10-10', workday: false })).assertStatus(201)
    ;(await admin.post(OVERRIDES, { date: '2026-10-01', workday: true })).assertStatus(201)
    const calendar = await currentCalendar()
    assert.isFalse(calendar.isWorkingDay('2026-10-10'))
    assert.isTrue(calendar.isWorkingDay('2026-10-01'))
  })

  test('bad input answers 422 with the field', async ({ client, assert }) => {
    const admin = as(client, 'processadmin')
    const cases: Array<[object, string]> = [
      [{ date: '2026-02-30', workday: false }, 'date'],
      [{ date: '2031-01-02', workday: false }, 'date'],
      [{ date: '2024-12-31', workday: true }, 'date'],
      [{ date: '26-3-4', workday: false }, 'date'],
      [{ date: '2026-03-04', workday: 'yes' }, 'workday'],
      [{ date: '2026-03-04' }, 'workday'],
      [{ date: '2026-03-04', workday: false, note: 'x'.repeat(201) }, 'note'],
    ]
    for (const [body, field] of cases) {
      const response = await admin.post(OVERRIDES, body)
      response.assertStatus(422)
      assert.equal(response.body().error.details[0].field, field, JSON.stringify(body))
    }
    const unknown = await admin.post(OVERRIDES, {
      date: '2026-03-04',
      workday: false,
      source: 'official',
    })
    unknown.assertStatus(422)
    assert.equal(unknown.body().error.code, 'E_UNKNOWN_FIELDS')
    ;(await admin.put(`${OVERRIDES}/2026-02-30`, { workday: true })).assertStatus(422)
    ;(await admin.delete(`${OVERRIDES}/2035-01-01`)).assertStatus(422)
    const [{ n }] = await db.from('calendar_overrides').count('* as n')
    assert.equal(Number(n), 0, 'nothing written')
  })

  test("another instance's edit is picked up without a restart", async ({ assert }) => {
    assert.isTrue((await currentCalendar()).isWorkingDay('2026-03-04'))
    // Written straight to the table, as another app instance would.
    await db.table('calendar_overrides').insert({
      date: '2026-03-04',
      workday: false,
      note: null,
      created_at_ms: clock.nowMs(),
      updated_at_ms: clock.nowMs(),
    })
    assert.isFalse((await currentCalendar()).isWorkingDay('2026-03-04'))
    await db
      .from('calendar_overrides')
      .where('date', '2026-03-04')
      .update({
        deleted_at_ms: clock.nowMs() + 1,
        updated_at_ms: clock.nowMs() + 1,
      })
    assert.isTrue((await currentCalendar()).isWorkingDay('2026-03-04'))
  })
})

test.group('Calendar / deadlines follow the overrides', (group) => {
  requestGroup(group)

  test('turning the make-up Saturday into a holiday moves a new due date to Monday', async ({
    client,
    assert,
  }) => {
    const admin = as(client, 'processadmin')
    ;(
      await admin.post(OVERRIDES, { date: '2026-10-10', workday: false, note: '调休取消' })
    ).assertStatus(201)
    travelTo('2026-09-30T10:00:00')
    ;(await as(client, 'applicant').post('/api/v1/requests', form(['T-AIR-COND']))).assertStatus(
      201
    )
    const [task] = await as(client, 'deptreviewer').todo()
    // Without the override: Sat 10 Oct (see task_deadlines.spec.ts); with it: Mon 12 Oct.
    assert.equal(task.dueAt, '2026-10-12T15:59:59.999Z')
  })
})
