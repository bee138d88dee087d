import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { rowArrayBatches, rowBatches } from '#services/delivery/row_stream'
import { storeValue } from '#services/delivery/cursor'
import { isolate } from '#tests/helpers'
import { OPEN } from '#tests/functional/public_data/fixtures'

const COLUMNS = ['station_code', 'observed_at', 'pm25', 'co', 'primary_pollutant']

/** Rows of one station, several batches: more than a socket read, so mysql2 pauses and resumes. */
async function manyRows(count: number) {
  const rows = Array.from({ length: count }, (_, h) => ({
    station_code: 'RS001',
    observed_at: new Date(Date.UTC(2026, 0, 1) + h * 3_600_000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' '),
    district_code: '420102',
    pm25: h % 97,
    co: h % 3 === 0 ? null : 0.8,
    primary_pollutant: h % 5 === 0 ? 'PM2.5' : null,
    ...OPEN,
  }))
  for (let i = 0; i < rows.length; i += 500)
    await db.table('air_quality_hourly').multiInsert(rows.slice(i, i + 500))
}

const query = () =>
  db
    .from('air_quality_hourly')
    .select(COLUMNS)
    .where('station_code', 'RS001')
    .orderBy('observed_at', 'desc')

/*
 * The data API's array path (driver raw modes, mysql2 dateStrings) against the row objects
 * other callers read: the same rows in the same order, and a stream left half-way (the client
 * went away) hands its connection back able to run the next statement.
 */
test.group('Delivery · row streams', (group) => {
  isolate(group)

  test('array batches carry the rows of object batches, in order', async ({ assert }) => {
    await manyRows(1300)
    const objects: unknown[][] = []
    for await (const batch of rowBatches(query()))
      for (const row of batch) objects.push(COLUMNS.map((c) => storeValue(row[c])))
    const arrays: unknown[][] = []
    let batches = 0
    for await (const batch of rowArrayBatches(query())) {
      batches++
      for (const row of batch) arrays.push(row.map((value) => storeValue(value)))
    }
    assert.lengthOf(arrays, 1300)
    assert.equal(batches, 3)
    // DECIMAL is text from mysql2 in both modes; compare numbers as numbers.
    const numeric = (rows: unknown[][]) =>
      rows.map((row) => row.map((v, i) => (i === 3 && v !== null ? Number(v) : v)))
    assert.deepEqual(numeric(arrays), numeric(objects))
    assert.deepEqual(arrays[0].slice(0, 2), ['RS001', '2026-02-24 03:00:00'])
  })

  test('a stream left after its first batch leaves the connection usable', async ({ assert }) => {
    // 6 000 rows (≈ 12 batches, several socket reads): the client stops while mysql2 is paused.
    await manyRows(6000)
    const stream = rowArrayBatches(query())
    const first = await stream.next()
    assert.lengthOf(first.value as unknown[][], 500)
    // A slow client: more batches arrive meanwhile, and the mysql2 path pauses the socket.
    await new Promise((resolve) => setTimeout(resolve, 100))
    await stream.return(undefined)
    const [{ total }] = await db
      .from('air_quality_hourly')
      .where('station_code', 'RS001')
      .count('* as total')
    assert.equal(Number(total), 6000)
  })
})
