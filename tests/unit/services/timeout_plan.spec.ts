import { test } from '@japa/runner'
import { timeoutConfigOf } from '#services/requests/node_config'
import { dueFirings, timeoutPlan } from '#services/requests/timeout_plan'

const HOUR = 3_600_000
const DUE = Date.UTC(2026, 2, 9, 15, 59, 59, 999)

test.group('Timeout settings from camunda:properties', () => {
  test('reads action, count, interval and group', ({ assert }) => {
    assert.deepEqual(
      timeoutConfigOf({
        timeoutAction: 'escalate',
        remindTimes: '2',
        remindIntervalHours: '8',
        escalationGroup: ' role:process_admin ',
      }),
      {
        remindBeforeHours: 0,
        action: 'escalate',
        remindTimes: 2,
        remindIntervalHours: 8,
        escalationGroup: 'role:process_admin',
      }
    )
  })

  test('defaults: no action; "remind" alone means one reminder a day apart', ({ assert }) => {
    assert.deepInclude(timeoutConfigOf({}), { action: 'none', remindTimes: 0 })
    assert.deepInclude(timeoutConfigOf({ timeoutAction: 'remind' }), {
      action: 'remind',
      remindTimes: 1,
      remindIntervalHours: 24,
    })
    assert.deepInclude(timeoutConfigOf({ timeoutAction: 'auto_approve' }), { remindTimes: 0 })
  })

  test('nonsense falls back instead of scheduling nonsense', ({ assert }) => {
    assert.equal(timeoutConfigOf({ timeoutAction: 'explode' }).action, 'none')
    assert.equal(timeoutConfigOf({ timeoutAction: 'none', remindTimes: '3' }).remindTimes, 0)
    const odd = timeoutConfigOf({
      timeoutAction: 'remind',
      remindTimes: '-1',
      remindIntervalHours: '0.5',
    })
    assert.deepInclude(odd, { remindTimes: 1, remindIntervalHours: 24 })
    assert.equal(timeoutConfigOf({ timeoutAction: 'remind', remindTimes: '99' }).remindTimes, 1)
  })
})

test.group('Timeout plan', () => {
  test('reminders from the due time, then the action one interval after the last', ({ assert }) => {
    const config = timeoutConfigOf({
      timeoutAction: 'auto_reject',
      remindTimes: '2',
      remindIntervalHours: '4',
    })
    assert.deepEqual(timeoutPlan(config, DUE), [
      { action: 'remind', seq: 1, atMs: DUE },
      { action: 'remind', seq: 2, atMs: DUE + 4 * HOUR },
      { action: 'auto_reject', seq: 1, atMs: DUE + 8 * HOUR },
    ])
  })

  test('without reminders the action comes at the due time; "remind" has no final action', ({
    assert,
  }) => {
    assert.deepEqual(timeoutPlan(timeoutConfigOf({ timeoutAction: 'escalate' }), DUE), [
      { action: 'escalate', seq: 1, atMs: DUE },
    ])
    const reminders = timeoutPlan(
      timeoutConfigOf({ timeoutAction: 'remind', remindTimes: '3' }),
      DUE
    )
    assert.deepEqual(
      reminders.map((f) => f.action),
      ['remind', 'remind', 'remind']
    )
    assert.deepEqual(timeoutPlan(timeoutConfigOf({}), DUE), [])
  })

  test('only what is due by now, and nothing a millisecond before the due time', ({ assert }) => {
    const config = timeoutConfigOf({ timeoutAction: 'escalate', remindTimes: '1' })
    assert.lengthOf(dueFirings(config, DUE, DUE - 1), 0)
    assert.deepEqual(
      dueFirings(config, DUE, DUE).map((f) => f.action),
      ['remind']
    )
    assert.deepEqual(
      dueFirings(config, DUE, DUE + 24 * HOUR).map((f) => f.action),
      ['remind', 'escalate']
    )
  })

  test('"due soon" comes remindBeforeHours ahead, or at the follow-up date, and never late', ({
    assert,
  }) => {
    const config = timeoutConfigOf({ remindBeforeHours: '8' })
    assert.deepEqual(timeoutPlan(config, DUE), [
      { action: 'due_soon', seq: 1, atMs: DUE - 8 * HOUR },
    ])
    assert.deepEqual(timeoutPlan(config, DUE, DUE - 30 * HOUR)[0].atMs, DUE - 30 * HOUR)
    assert.lengthOf(
      timeoutPlan(timeoutConfigOf({}), DUE, DUE + HOUR),
      0,
      'a follow-up after the due time'
    )
    assert.lengthOf(dueFirings(config, DUE, DUE - 9 * HOUR), 0)
    assert.lengthOf(dueFirings(config, DUE, DUE - 7 * HOUR), 1)
    assert.lengthOf(dueFirings(config, DUE, DUE + 1), 0, 'past the due time it is no longer "soon"')
    assert.equal(timeoutConfigOf({ remindBeforeHours: '100' }).remindBeforeHours, 0)
  })
})
