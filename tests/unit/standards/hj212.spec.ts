import { test } from '@japa/runner'
import {
  buildPacket,
  crc16Hj212,
  decodeFlag,
  parsePacket,
  HJ212_COMMAND_CODES,
  HJ212_DATA_FLAGS,
  HJ212_POLLUTANT_CODES,
  HJ212_SYSTEM_CODES,
  Hj212CrcError,
  Hj212Error,
  Hj212FrameError,
  Hj212LengthError,
  Hj212SegmentError,
  type Hj212PacketInput,
} from '../../../app/services/standards/hj212.js'

// The worked example printed in HJ 212-2017 (set real-time data interval to 30 s).
const OFFICIAL_SEGMENT =
  'QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&'
const OFFICIAL_PACKET = `##0101${OFFICIAL_SEGMENT}1C80\r\n`

/** Frames an arbitrary segment with a correct length and CRC, to test segment validation alone. */
function framed(segment: string): string {
  return `##${String(segment.length).padStart(4, '0')}${segment}${crc16Hj212(segment)}\r\n`
}

const HOURLY_WATER: Hj212PacketInput = {
  qn: '20240315100000123',
  st: '32',
  cn: '2061',
  pw: '123456',
  mn: '88888880000001',
  flag: 4,
  dataTime: '20240315090000',
  values: {
    w01018: { avg: 42.5, min: 38.1, max: 47.9, cou: 12.6, flag: 'N' },
    w21003: { avg: 1.25, min: 0.9, max: 1.6, flag: 'N' },
    w01001: { avg: 7.31, min: 7.1, max: 7.5, flag: 'M' },
  },
}

test.group('HJ 212 | CRC16', () => {
  test('the standard example segment has CRC 1C80', ({ assert }) => {
    assert.strictEqual(OFFICIAL_SEGMENT.length, 101)
    assert.strictEqual(crc16Hj212(OFFICIAL_SEGMENT), '1C80')
  })

  test('a second published vector (noise real-time data) has CRC 1E00', ({ assert }) => {
    const segment =
      'QN=20160801085857223;ST=23;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20160801085857; LA-Rtd=50.1&&'
    assert.strictEqual(crc16Hj212(segment), '1E00')
  })

  test('differs from plain CRC-16/MODBUS (which gives 0759 for the example)', ({ assert }) => {
    assert.notStrictEqual(crc16Hj212(OFFICIAL_SEGMENT), '0759')
  })

  test('is always four upper-case hex digits', ({ assert }) => {
    assert.strictEqual(crc16Hj212(''), 'FFFF')
    assert.match(crc16Hj212('QN=1'), /^[0-9A-F]{4}$/)
  })
})

test.group('HJ 212 | build and parse', () => {
  test('building the standard example reproduces it byte for byte', ({ assert }) => {
    const packet = buildPacket({
      qn: '20160801085857223',
      st: '32',
      cn: '1062',
      pw: '100000',
      mn: '010000A8900016F000169DC0',
      flag: 5,
      params: { RtdInterval: 30 },
    })
    assert.strictEqual(packet, OFFICIAL_PACKET)
  })

  test('parses the standard example', ({ assert }) => {
    const packet = parsePacket(OFFICIAL_PACKET)
    assert.deepInclude(packet, {
      dataLength: 101,
      crc: '1C80',
      qn: '20160801085857223',
      st: '32',
      cn: '1062',
      pw: '100000',
      mn: '010000A8900016F000169DC0',
      flag: 5,
      pnum: null,
      dataTime: null,
    })
    assert.deepEqual(packet.flagBits, { version: 1, hasPacketNumber: false, needsAck: true })
    assert.deepEqual(packet.params, { RtdInterval: '30' })
    assert.deepEqual(packet.values, {})
  })

  test('round trip keeps every field and reading', ({ assert }) => {
    const text = buildPacket(HOURLY_WATER)
    assert.match(text, /^##\d{4}QN=20240315100000123;ST=32;CN=2061;.*&&[0-9A-F]{4}\r\n$/)
    assert.include(text, 'w01018-Avg=42.5,w01018-Min=38.1,w01018-Max=47.9,w01018-Cou=12.6')
    const packet = parsePacket(text)
    assert.deepInclude(packet, { st: '32', cn: '2061', mn: '88888880000001', flag: 4 })
    assert.strictEqual(packet.dataTime, '20240315090000')
    assert.deepEqual(packet.values, HOURLY_WATER.values)
    assert.strictEqual(packet.dataLength, text.length - 12)
  })

  test('a Date DataTime is written in China Standard Time', ({ assert }) => {
    const text = buildPacket({ ...HOURLY_WATER, dataTime: new Date('2024-03-15T01:00:00Z') })
    assert.strictEqual(parsePacket(text).dataTime, '20240315090000')
  })

  test('packet numbering is carried when Flag bit D is set', ({ assert }) => {
    const text = buildPacket({ ...HOURLY_WATER, flag: 6, pnum: 3, pno: 2 })
    const packet = parsePacket(text)
    assert.deepInclude(packet, { pnum: 3, pno: 2 })
    assert.isTrue(packet.flagBits.hasPacketNumber)
  })

  test('real-time values and unmodelled factor fields are parsed', ({ assert }) => {
    const segment =
      'QN=20240315100000123;ST=31;CN=2011;PW=123456;MN=GAS001;Flag=4;CP=&&DataTime=20240315100000;a21026-Rtd=35.2,a21026-ZsRtd=40.1,a21026-Flag=T;a34013-Rtd=0.0000001&&'
    const packet = parsePacket(framed(segment))
    assert.deepEqual(packet.values, { a21026: { rtd: 35.2, flag: 'T' }, a34013: { rtd: 1e-7 } })
    assert.deepEqual(packet.params, { 'a21026-ZsRtd': '40.1' })
  })

  test('tiny numbers are written without exponent notation', ({ assert }) => {
    const text = buildPacket({ ...HOURLY_WATER, values: { w21003: { rtd: 1e-7 } } })
    assert.include(text, 'w21003-Rtd=0.0000001')
  })

  test('decodeFlag splits version, D and A bits', ({ assert }) => {
    assert.deepEqual(decodeFlag(4), { version: 1, hasPacketNumber: false, needsAck: false })
    assert.deepEqual(decodeFlag(7), { version: 1, hasPacketNumber: true, needsAck: true })
  })
})

test.group('HJ 212 | rejected packets', () => {
  test('a tampered value with the same length fails the CRC', ({ assert }) => {
    const tampered = buildPacket(HOURLY_WATER).replace('w01018-Avg=42.5', 'w01018-Avg=12.5')
    assert.throws(() => parsePacket(tampered), Hj212CrcError)
  })

  test('a tampered CRC field fails', ({ assert }) => {
    assert.throws(() => parsePacket(OFFICIAL_PACKET.replace('1C80', '1C81')), Hj212CrcError)
    assert.throws(() => parsePacket(OFFICIAL_PACKET.replace('1C80', 'ZZZZ')), Hj212CrcError)
  })

  test('a lower-case CRC is accepted', ({ assert }) => {
    assert.strictEqual(parsePacket(OFFICIAL_PACKET.replace('1C80', '1c80')).crc, '1C80')
  })

  test('a declared length that does not match is rejected', ({ assert }) => {
    assert.throws(() => parsePacket(OFFICIAL_PACKET.replace('##0101', '##0100')), Hj212LengthError)
    assert.throws(() => parsePacket(OFFICIAL_PACKET.replace('##0101', '##01A1')), Hj212LengthError)
  })

  test('a removed character changes the length and is rejected', ({ assert }) => {
    assert.throws(() => parsePacket(OFFICIAL_PACKET.replace('ST=32;', 'ST=3;')), Hj212LengthError)
  })

  test('header and trailer are required', ({ assert }) => {
    assert.throws(() => parsePacket(OFFICIAL_PACKET.slice(1)), Hj212FrameError)
    assert.throws(() => parsePacket(OFFICIAL_PACKET.slice(0, -2)), Hj212FrameError)
  })

  test('all packet errors share the Hj212Error base class', ({ assert }) => {
    assert.throws(() => parsePacket('##0101'), Hj212Error)
  })

  const malformed: [string, string][] = [
    ['no CP field', 'QN=20240315100000123;ST=32;CN=2061;PW=123456;MN=M1;Flag=4'],
    ['unclosed CP', 'ST=32;CN=2061;PW=123456;MN=M1;Flag=4;CP=&&DataTime=20240315090000'],
    ['missing MN', 'ST=32;CN=2061;PW=123456;Flag=4;CP=&&&&'],
    ['bad ST', 'ST=3A;CN=2061;PW=123456;MN=M1;Flag=4;CP=&&&&'],
    ['unknown field', 'ST=32;CN=2061;PW=123456;MN=M1;Flag=4;XX=1;CP=&&&&'],
    ['duplicate field', 'ST=32;ST=32;CN=2061;PW=123456;MN=M1;Flag=4;CP=&&&&'],
    ['item without =', 'ST=32;CN=2061;PW=123456;MN=M1;Flag;CP=&&&&'],
    ['Flag over 255', 'ST=32;CN=2061;PW=123456;MN=M1;Flag=256;CP=&&&&'],
    ['D bit without PNUM', 'ST=32;CN=2061;PW=123456;MN=M1;Flag=6;CP=&&&&'],
    ['bad DataTime', 'ST=32;CN=2061;PW=123456;MN=M1;Flag=4;CP=&&DataTime=2024-03-15&&'],
    ['non-numeric value', 'ST=32;CN=2061;PW=123456;MN=M1;Flag=4;CP=&&w01018-Avg=abc&&'],
    ['unknown data flag', 'ST=32;CN=2061;PW=123456;MN=M1;Flag=4;CP=&&w01018-Flag=X&&'],
    ['duplicate reading', 'ST=32;CN=2061;PW=123456;MN=M1;Flag=4;CP=&&w01018-Avg=1;w01018-Avg=2&&'],
  ]
  for (const [label, segment] of malformed) {
    test(`malformed segment: ${label}`, ({ assert }) => {
      assert.throws(() => parsePacket(framed(segment)), Hj212SegmentError)
    })
  }

  test('build refuses invalid input', ({ assert }) => {
    assert.throws(() => buildPacket({ ...HOURLY_WATER, mn: 'MN;X' }), Hj212SegmentError)
    assert.throws(() => buildPacket({ ...HOURLY_WATER, dataTime: '2024' }), Hj212SegmentError)
    const nan = { w01018: { avg: Number.NaN } }
    assert.throws(() => buildPacket({ ...HOURLY_WATER, values: nan }), Hj212SegmentError)
    assert.throws(() => buildPacket({ ...HOURLY_WATER, values: { w01018: {} } }), Hj212SegmentError)
    assert.throws(
      () => buildPacket({ ...HOURLY_WATER, params: { Note: '环境' } }),
      Hj212SegmentError
    )
  })

  test('build refuses a data segment above 1024 characters', ({ assert }) => {
    const values = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`w9${String(i).padStart(4, '0')}`, { avg: 1234.5678 }])
    )
    assert.throws(() => buildPacket({ ...HOURLY_WATER, values }), Hj212LengthError)
  })
})

test.group('HJ 212 | code tables', () => {
  test('data flags are exactly N F M S D C T B', ({ assert }) => {
    assert.sameMembers(Object.keys(HJ212_DATA_FLAGS), ['N', 'F', 'M', 'S', 'D', 'C', 'T', 'B'])
    assert.include(HJ212_DATA_FLAGS.N, '正常')
    assert.include(HJ212_DATA_FLAGS.C, '校准')
  })

  test('system and command codes used by the platform are named', ({ assert }) => {
    assert.strictEqual(HJ212_SYSTEM_CODES['21'], '地表水质量监测')
    assert.strictEqual(HJ212_SYSTEM_CODES['22'], '空气质量监测')
    assert.strictEqual(HJ212_SYSTEM_CODES['31'], '大气环境污染源')
    assert.strictEqual(HJ212_SYSTEM_CODES['32'], '地表水体环境污染源')
    assert.include(HJ212_COMMAND_CODES['2011'], '实时数据')
    assert.include(HJ212_COMMAND_CODES['2051'], '分钟数据')
    assert.include(HJ212_COMMAND_CODES['2061'], '小时数据')
    assert.include(HJ212_COMMAND_CODES['2031'], '日历史数据')
  })

  test('common pollutant codes carry names and units', ({ assert }) => {
    assert.deepInclude(HJ212_POLLUTANT_CODES.w01018, { name: '化学需氧量', unit: 'mg/L' })
    assert.deepInclude(HJ212_POLLUTANT_CODES.w21003, { name: '氨氮', unit: 'mg/L' })
    assert.deepInclude(HJ212_POLLUTANT_CODES.w01001, { name: 'pH值', unit: '无量纲' })
    assert.deepInclude(HJ212_POLLUTANT_CODES.a34013, { name: '烟尘', unit: 'mg/m³' })
    assert.deepInclude(HJ212_POLLUTANT_CODES.a21026, { name: '二氧化硫', unit: 'mg/m³' })
    assert.deepInclude(HJ212_POLLUTANT_CODES.a21002, { name: '氮氧化物', unit: 'mg/m³' })
  })
})
