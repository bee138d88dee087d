import { test } from '@japa/runner'
import { STORE_DATASETS } from '#database/data/datasets/index'
import { arrayEncoderFor, encoderFor, type Encoder } from '#services/delivery/record_encoders'

const hourly = STORE_DATASETS.find((d) => d.code === 'EQ-AIR-002')!
const fields = hourly.fields.filter((f) =>
  ['station_code', 'observed_at', 'pm25', 'co', 'primary_pollutant'].includes(f.name)
)

/*
 * The data API reads rows as arrays (driver raw modes, mysql2 dateStrings); other callers still
 * hand row objects (with a Date from mysql2) to encoderFor. Both must write the same bytes.
 */
const objects = [
  {
    station_code: 'AS001',
    observed_at: new Date('2026-01-01T02:00:00Z'),
    pm25: 35,
    co: '0.80',
    primary_pollutant: 'PM2.5',
  },
  {
    station_code: 'AS002',
    observed_at: '2026-01-01 03:00:00',
    pm25: null,
    co: 1.2,
    primary_pollutant: '=cmd|"x",y',
  },
  { station_code: 'A"S\n3', observed_at: null, pm25: 0, co: null, primary_pollutant: null },
]
// What better-sqlite3 .raw() and mysql2 rowsAsArray + dateStrings return for the same rows.
const arrays = [
  ['AS001', '2026-01-01 02:00:00', 35, '0.80', 'PM2.5'],
  ['AS002', '2026-01-01 03:00:00', null, 1.2, '=cmd|"x",y'],
  ['A"S\n3', null, 0, null, null],
]

function write<R>(encoder: Encoder<R>, rows: R[]) {
  // Two batches, as the stream hands them over.
  return (
    encoder.head() +
    encoder.rows(rows.slice(0, 1)) +
    encoder.rows(rows.slice(1)) +
    encoder.tail({ rows: rows.length, nextCursor: null })
  )
}

test.group('Delivery · record encoders', () => {
  for (const format of ['json', 'ndjson', 'csv'] as const) {
    test(`${format}: row arrays and row objects encode to the same bytes`, ({ assert }) => {
      const fromArrays = write(arrayEncoderFor(format, fields, true), arrays)
      assert.equal(fromArrays, write(encoderFor(format, fields, true), objects))
      assert.include(fromArrays, '2026-01-01T02:00:00Z')
      if (format !== 'csv') {
        const parsed =
          format === 'json'
            ? JSON.parse(fromArrays).data
            : fromArrays
                .trim()
                .split('\n')
                .slice(0, -1)
                .map((line) => JSON.parse(line))
        assert.deepEqual(parsed[0], {
          station_code: 'AS001',
          observed_at: '2026-01-01T02:00:00Z',
          pm25: 35,
          co: 0.8,
          primary_pollutant: 'PM2.5',
        })
        assert.equal(parsed[2].station_code, 'A"S\n3')
      } else {
        assert.include(fromArrays, `"'=cmd|""x"",y"`)
      }
    })
  }
})
