import { test } from '@japa/runner'
import { STORE_DATASETS } from '#database/data/datasets/index'
import { parseDataQuery } from '#services/delivery/data_query'
import { decodeCursor, encodeCursor, queryFingerprint } from '#services/delivery/cursor'
import { csvCell } from '#services/delivery/record_encoders'
import { keyInQuery, newSecret, redactQuery } from '#services/delivery/api_key_secret'

const hourly = STORE_DATASETS.find((d) => d.code === 'EQ-AIR-002')!

function problems(fn: () => unknown) {
  try {
    fn()
  } catch (error: any) {
    return { status: error.status, code: error.code, details: error.details }
  }
  throw new Error('expected a refusal')
}

test.group('Delivery · data query parsing', () => {
  test('operators, lists and the time window become typed conditions', ({ assert }) => {
    const query = parseDataQuery(hourly, {
      pm25: { gte: '75', lt: '150' },
      station_code: { in: 'AS001,AS002' },
      district_code: '420102',
      from: '2026-01-01',
      to: '2026-02-01T08:00:00',
    })
    assert.deepEqual(query.conditions, [
      { column: 'station_code', operator: 'in', value: ['AS001', 'AS002'] },
      { column: 'district_code', operator: 'eq', value: '420102' },
      { column: 'pm25', operator: 'gte', value: 75 },
      { column: 'pm25', operator: 'lt', value: 150 },
      // Zone-less times are China time, compared with stored UTC.
      { column: 'observed_at', operator: 'gte', value: '2025-12-31 16:00:00' },
      { column: 'observed_at', operator: 'lt', value: '2026-02-01 00:00:00' },
    ])
    assert.sameMembers(query.touched, ['pm25', 'station_code', 'district_code', 'observed_at'])
    assert.equal(query.limit, 1000)
    assert.equal(query.format, 'json')
  })

  test('default order is newest first with the key as tie-break; a chosen order gets the key appended', ({
    assert,
  }) => {
    assert.deepEqual(parseDataQuery(hourly, {}).sort, [
      { column: 'observed_at', direction: 'desc' },
      { column: 'station_code', direction: 'desc' },
    ])
    assert.deepEqual(parseDataQuery(hourly, { sort: 'station_code' }).sort, [
      { column: 'station_code', direction: 'asc' },
      { column: 'observed_at', direction: 'asc' },
    ])
  })

  test('every problem names its field', ({ assert }) => {
    const bad = problems(() =>
      parseDataQuery(hourly, {
        pm25: { between: '1' },
        aqi: 'high',
        limit: '2000000',
        format: 'xml',
        sort: 'pm25',
        fields: 'pm25,colour',
        bom: 'maybe',
      })
    )
    assert.equal(bad.status, 422)
    assert.sameMembers(
      bad.details.map((d: any) => d.field),
      ['pm25[between]', 'aqi', 'limit', 'format', 'sort', 'fields', 'bom']
    )
    const unknown = problems(() => parseDataQuery(hourly, { colour: 'red' }))
    assert.equal(unknown.code, 'E_UNKNOWN_FIELDS')
    const longList = problems(() =>
      parseDataQuery(hourly, {
        station_code: { in: Array.from({ length: 201 }, (_, i) => `S${i}`).join(',') },
      })
    )
    assert.equal(longList.details[0].field, 'station_code[in]')
  })

  test('cursors round-trip, and refuse tampering or another query', ({ assert }) => {
    const query = parseDataQuery(hourly, { station_code: 'AS001' })
    const fingerprint = queryFingerprint('EQ-AIR-002', 7, query)
    const cursor = encodeCursor(fingerprint, ['2026-01-01 03:00:00', 'AS001'])
    assert.deepEqual(decodeCursor(cursor, fingerprint), ['2026-01-01 03:00:00', 'AS001'])
    assert.notInclude(cursor, 'AS001')

    const flipped = cursor.slice(0, 10) + (cursor[10] === 'a' ? 'b' : 'a') + cursor.slice(11)
    assert.equal(problems(() => decodeCursor(flipped, fingerprint)).details[0].rule, 'tampered')
    const other = queryFingerprint(
      'EQ-AIR-002',
      7,
      parseDataQuery(hourly, { station_code: 'AS002' })
    )
    assert.equal(problems(() => decodeCursor(cursor, other)).details[0].rule, 'queryChanged')
    const otherGrant = queryFingerprint('EQ-AIR-002', 8, query)
    assert.notEqual(otherGrant, fingerprint)
  })

  test('CSV cells are quoted per RFC 4180 and formulas are defused', ({ assert }) => {
    assert.equal(csvCell('a,b'), '"a,b"')
    assert.equal(csvCell('say "hi"'), '"say ""hi"""')
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`)
    assert.equal(csvCell(-3.5), '-3.5')
    assert.equal(csvCell(null), '')
  })

  test('keys are 256-bit, distinct, and recognised wherever they hide in a query', ({ assert }) => {
    const a = newSecret()
    const b = newSecret()
    assert.notEqual(a.secret, b.secret)
    assert.equal(Buffer.from(a.secret.slice('eco_live_'.length), 'base64url').length, 32)
    assert.match(a.hash, /^[0-9a-f]{64}$/)
    assert.isTrue(keyInQuery({ apiKey: 'x' }))
    assert.isTrue(keyInQuery({ station_code: [a.secret] }))
    assert.isFalse(keyInQuery({ station_code: 'AS001' }))
    assert.deepEqual(redactQuery({ token: a.secret, limit: '3' }), {
      token: '[redacted]',
      limit: '3',
    })
  })
})
