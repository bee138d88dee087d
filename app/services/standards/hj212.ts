/*
 * HJ 212-2017 (污染物在线监控（监测）系统数据传输标准) packets:
 *   ## + 4-digit data-segment length + data segment + 4-hex CRC16 + CR LF
 * Data segment: QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…[;PNUM=…;PNO=…];CP=&&…&&
 *
 * CRC: the standard's appendix routine. Register starts at 0xFFFF; for every byte the register
 * is first shifted right by 8 and then XORed with the byte (this differs from CRC-16/MODBUS,
 * which XORs without the shift), followed by 8 reflected steps with polynomial 0xA001.
 * It covers the data segment only and is written as 4 upper-case hex digits.
 * Verified against the standard's own example (…CP=&&RtdInterval=30&& → 1C80).
 */
import { Exception } from '@adonisjs/core/exceptions'

export type Hj212DataFlag = 'N' | 'F' | 'M' | 'S' | 'D' | 'C' | 'T' | 'B'

export interface Hj212Reading {
  rtd?: number
  avg?: number
  min?: number
  max?: number
  cou?: number
  flag?: Hj212DataFlag
}

export interface Hj212PacketInput {
  /** Request code YYYYMMDDhhmmsszzz; optional for uploads that are not replies. */
  qn?: string
  st: string
  cn: string
  pw: string
  mn: string
  flag: number
  pnum?: number
  pno?: number
  /** YYYYMMDDhhmmss, or a Date rendered in China Standard Time (UTC+8). */
  dataTime?: string | Date
  values?: Record<string, Hj212Reading>
  /** Other CP parameters, e.g. RtdInterval. */
  params?: Record<string, string | number>
}

export interface Hj212FlagBits {
  /** Protocol version bits V5…V0; 1 means HJ 212-2017. */
  version: number
  hasPacketNumber: boolean
  needsAck: boolean
}

export interface Hj212Packet {
  dataLength: number
  crc: string
  qn: string | null
  st: string
  cn: string
  pw: string
  mn: string
  flag: number
  flagBits: Hj212FlagBits
  pnum: number | null
  pno: number | null
  dataTime: string | null
  values: Record<string, Hj212Reading>
  /** Non-factor CP parameters (e.g. RtdInterval) and unmodelled factor fields (e.g. a21026-ZsRtd). */
  params: Record<string, string>
}

/** Base class for every HJ 212 packet problem. */
export class Hj212Error extends Exception {
  static status = 422
  static code = 'E_HJ212_PACKET'
}

/** Missing "##" header or CR LF trailer. */
export class Hj212FrameError extends Hj212Error {
  static code = 'E_HJ212_FRAME'
}

/** Declared length not 4 digits, not the segment's length, or above the 1024 maximum. */
export class Hj212LengthError extends Hj212Error {
  static code = 'E_HJ212_LENGTH'
}

/** CRC field not 4 hex digits or not matching the data segment. */
export class Hj212CrcError extends Hj212Error {
  static code = 'E_HJ212_CRC'
}

/** A field in the data segment or CP is missing, duplicated or malformed. */
export class Hj212SegmentError extends Hj212Error {
  static code = 'E_HJ212_SEGMENT'
}

export const HJ212_MAX_SEGMENT_LENGTH = 1024

/** Data flags (数据标记). */
export const HJ212_DATA_FLAGS: Readonly<Record<Hj212DataFlag, string>> = {
  N: '在线监控（监测）仪器仪表工作正常',
  F: '在线监控（监测）仪器仪表停运',
  M: '在线监控（监测）仪器仪表处于维护期间产生的数据',
  S: '手工输入的设定值',
  D: '在线监控（监测）仪器仪表故障',
  C: '在线监控（监测）仪器仪表处于校准状态',
  T: '在线监控（监测）仪器仪表采样数值超过测量上限',
  B: '在线监控（监测）仪器仪表与数采仪通讯异常',
}

/** System codes (ST, 系统编码). */
export const HJ212_SYSTEM_CODES: Readonly<Record<string, string>> = {
  '21': '地表水质量监测',
  '22': '空气质量监测',
  '23': '声环境质量监测',
  '24': '地下水质量监测',
  '25': '土壤质量监测',
  '26': '海水质量监测',
  '27': '挥发性有机物监测',
  '31': '大气环境污染源',
  '32': '地表水体环境污染源',
  '33': '地下水体环境污染源',
  '34': '海洋环境污染源',
  '35': '土壤环境污染源',
  '36': '声环境污染源',
  '37': '振动环境污染源',
  '38': '放射性环境污染源',
  '39': '工地扬尘污染源',
  '41': '电磁环境污染源',
  '51': '烟气排放过程监控',
  '52': '污水排放过程监控',
  '91': '系统交互',
}

/** Command codes (CN, 命令编码) most used between data loggers and the platform. */
export const HJ212_COMMAND_CODES: Readonly<Record<string, string>> = {
  '1000': '设置超时时间及重发次数',
  '1011': '提取现场机时间',
  '1012': '设置现场机时间',
  '1013': '现场机时间校准请求',
  '1061': '提取实时数据间隔',
  '1062': '设置实时数据间隔',
  '1063': '提取分钟数据间隔',
  '1064': '设置分钟数据间隔',
  '1072': '设置现场机访问密码',
  '2011': '上传污染物实时数据',
  '2012': '停止察看污染物实时数据',
  '2021': '上传设备运行状态数据',
  '2022': '停止察看设备运行状态',
  '2031': '上传污染物日历史数据',
  '2041': '上传设备运行时间日历史数据',
  '2051': '上传污染物分钟数据',
  '2061': '上传污染物小时数据',
  '2081': '上传数采仪开机时间',
  '3011': '零点校准量程校准',
  '3012': '即时采样',
  '3013': '启动清洗/反吹',
  '3014': '比对采样',
  '3015': '超标留样',
  '9011': '请求应答',
  '9012': '执行结果',
  '9013': '通知应答',
  '9014': '数据应答',
}

export interface Hj212PollutantInfo {
  name: string
  unit: string
  /** Unit of the cumulative (Cou) value, when the factor has one. */
  cumulativeUnit?: string
}

/** Common monitoring factor codes (HJ 212-2017 appendix B). */
export const HJ212_POLLUTANT_CODES: Readonly<Record<string, Hj212PollutantInfo>> = {
  w00000: { name: '废水（流量）', unit: 'L/s', cumulativeUnit: 'm³' },
  w01001: { name: 'pH值', unit: '无量纲' },
  w01009: { name: '溶解氧', unit: 'mg/L' },
  w01010: { name: '水温', unit: '℃' },
  w01017: { name: '五日生化需氧量', unit: 'mg/L', cumulativeUnit: 'kg' },
  w01018: { name: '化学需氧量', unit: 'mg/L', cumulativeUnit: 'kg' },
  w01019: { name: '高锰酸盐指数', unit: 'mg/L', cumulativeUnit: 'kg' },
  w21001: { name: '总氮', unit: 'mg/L', cumulativeUnit: 'kg' },
  w21003: { name: '氨氮', unit: 'mg/L', cumulativeUnit: 'kg' },
  w21011: { name: '总磷', unit: 'mg/L', cumulativeUnit: 'kg' },
  a00000: { name: '废气（流量）', unit: 'm³/s', cumulativeUnit: 'm³' },
  a01011: { name: '烟气流速', unit: 'm/s' },
  a01012: { name: '烟气温度', unit: '℃' },
  a01013: { name: '烟气压力', unit: 'kPa' },
  a01014: { name: '烟气湿度', unit: '%' },
  a19001: { name: '氧气含量', unit: '%' },
  a21002: { name: '氮氧化物', unit: 'mg/m³', cumulativeUnit: 'kg' },
  a21026: { name: '二氧化硫', unit: 'mg/m³', cumulativeUnit: 'kg' },
  a34013: { name: '烟尘', unit: 'mg/m³', cumulativeUnit: 'kg' },
}

const READING_FIELDS = { Rtd: 'rtd', Avg: 'avg', Min: 'min', Max: 'max', Cou: 'cou' } as const
type NumericField = (typeof READING_FIELDS)[keyof typeof READING_FIELDS]

const HEADER_PATTERNS: Readonly<Record<string, RegExp>> = {
  QN: /^\d{17}$/,
  ST: /^\d{2}$/,
  CN: /^\d{4}$/,
  PW: /^[A-Za-z0-9]{1,6}$/,
  MN: /^[A-Za-z0-9]{1,24}$/,
  Flag: /^\d{1,3}$/,
  PNUM: /^\d{1,4}$/,
  PNO: /^\d{1,4}$/,
}
const REQUIRED_HEADERS = ['ST', 'CN', 'PW', 'MN', 'Flag'] as const
const DATA_TIME = /^\d{14}$/
const NUMBER = /^-?\d+(\.\d+)?$/
const CODE = /^[A-Za-z0-9]+$/
const PARAM_VALUE = /^[^;,&=\s]*$/
const CST_OFFSET_MS = 8 * 3600 * 1000
const encoder = new TextEncoder()

/** HJ 212-2017 CRC16 of a data segment, as 4 upper-case hex digits. */
export function crc16Hj212(text: string): string {
  let register = 0xffff
  for (const byte of encoder.encode(text)) {
    register = (register >> 8) ^ byte
    for (let bit = 0; bit < 8; bit++) {
      const carry = register & 0x0001
      register >>= 1
      if (carry) register ^= 0xa001
    }
  }
  return register.toString(16).toUpperCase().padStart(4, '0')
}

/** Decodes the Flag field's bits V5…V0, D (packet numbering) and A (acknowledge). */
export function decodeFlag(flag: number): Hj212FlagBits {
  return { version: flag >> 2, hasPacketNumber: (flag & 0b10) !== 0, needsAck: (flag & 0b01) !== 0 }
}

/** Serialises a packet, computing its length and CRC. */
export function buildPacket(input: Hj212PacketInput): string {
  const header: [string, string | number | undefined][] = [
    ['QN', input.qn],
    ['ST', input.st],
    ['CN', input.cn],
    ['PW', input.pw],
    ['MN', input.mn],
    ['Flag', input.flag],
    ['PNUM', input.pnum],
    ['PNO', input.pno],
  ]
  const fields = header
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${String(value)}`)
  const segment = `${fields.join(';')};CP=&&${buildCp(input)}&&`
  // Validate by parsing what we built, so build and parse can never disagree on the rules.
  parseSegment(segment)
  return frame(segment)
}

function frame(segment: string): string {
  if (!/^[\x20-\x7e]*$/.test(segment)) {
    throw new Hj212SegmentError('The data segment must be printable ASCII')
  }
  if (segment.length > HJ212_MAX_SEGMENT_LENGTH) {
    throw new Hj212LengthError(`Data segment is ${segment.length} characters, above 1024`)
  }
  return `##${String(segment.length).padStart(4, '0')}${segment}${crc16Hj212(segment)}\r\n`
}

function buildCp(input: Hj212PacketInput): string {
  const groups: string[] = []
  if (input.dataTime !== undefined) groups.push(`DataTime=${formatDataTime(input.dataTime)}`)
  for (const [code, reading] of Object.entries(input.values ?? {})) {
    groups.push(readingGroup(code, reading))
  }
  for (const [key, value] of Object.entries(input.params ?? {})) {
    groups.push(`${key}=${typeof value === 'number' ? formatNumber(value) : value}`)
  }
  return groups.join(';')
}

function readingGroup(code: string, reading: Hj212Reading): string {
  const parts: string[] = []
  for (const [suffix, field] of Object.entries(READING_FIELDS)) {
    const value = reading[field]
    if (value !== undefined) parts.push(`${code}-${suffix}=${formatNumber(value)}`)
  }
  if (reading.flag !== undefined) parts.push(`${code}-Flag=${reading.flag}`)
  if (parts.length === 0) throw new Hj212SegmentError(`Factor ${code} has no values`)
  return parts.join(',')
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Hj212SegmentError(`Not a finite number: ${value}`)
  const text = String(value)
  // The protocol has no exponent notation; tiny values must be written out in full.
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text
}

function formatDataTime(dataTime: string | Date): string {
  if (typeof dataTime === 'string') return dataTime
  if (Number.isNaN(dataTime.getTime())) throw new Hj212SegmentError('DataTime is an invalid Date')
  // China Standard Time is a fixed UTC+8 with no daylight saving, so an offset suffices.
  return new Date(dataTime.getTime() + CST_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14)
}

/** Parses and verifies a full packet (header, length, CRC, trailer, fields). */
export function parsePacket(text: string): Hj212Packet {
  if (!text.startsWith('##')) throw new Hj212FrameError('Packet must start with "##"')
  if (!text.endsWith('\r\n')) throw new Hj212FrameError('Packet must end with CR LF')

  const body = text.slice(2, -2)
  const lengthField = body.slice(0, 4)
  if (!/^\d{4}$/.test(lengthField)) {
    throw new Hj212LengthError(`Length field must be 4 digits, got "${lengthField}"`)
  }
  const crc = body.slice(-4)
  const segment = body.slice(4, -4)
  const dataLength = Number(lengthField)
  const actualLength = encoder.encode(segment).length
  if (body.length < 8 || dataLength !== actualLength) {
    throw new Hj212LengthError(`Declared length ${dataLength}, data segment has ${actualLength}`)
  }
  if (dataLength > HJ212_MAX_SEGMENT_LENGTH) {
    throw new Hj212LengthError(`Data segment length ${dataLength} exceeds 1024`)
  }
  if (!/^[0-9A-Fa-f]{4}$/.test(crc) || crc.toUpperCase() !== crc16Hj212(segment)) {
    throw new Hj212CrcError(`CRC "${crc}" does not match the data segment (${crc16Hj212(segment)})`)
  }
  return { dataLength, crc: crc.toUpperCase(), ...parseSegment(segment) }
}

type ParsedSegment = Omit<Hj212Packet, 'dataLength' | 'crc'>

function parseSegment(segment: string): ParsedSegment {
  const marker = segment.indexOf(';CP=&&')
  if (marker === -1) throw new Hj212SegmentError('Data segment has no ";CP=&&" field')
  if (!segment.endsWith('&&') || segment.length < marker + 8) {
    throw new Hj212SegmentError('CP field must be closed by "&&" at the end of the segment')
  }
  const header = parsePairs(segment.slice(0, marker), ';', 'header')
  return { ...parseHeader(header), ...parseCp(segment.slice(marker + 6, -2)) }
}

function parsePairs(text: string, separator: string, where: string): Map<string, string> {
  const pairs = new Map<string, string>()
  if (text === '') return pairs
  for (const item of text.split(separator)) {
    const match = /^([^=]+)=([^=]*)$/.exec(item)
    if (!match) throw new Hj212SegmentError(`Malformed ${where} item "${item}"`)
    if (pairs.has(match[1])) throw new Hj212SegmentError(`Duplicate ${where} field ${match[1]}`)
    pairs.set(match[1], match[2])
  }
  return pairs
}

function parseHeader(fields: Map<string, string>) {
  for (const [key, value] of fields) {
    const pattern = Object.hasOwn(HEADER_PATTERNS, key) ? HEADER_PATTERNS[key] : undefined
    if (!pattern) throw new Hj212SegmentError(`Unknown data-segment field ${key}`)
    if (!pattern.test(value)) throw new Hj212SegmentError(`Malformed ${key} "${value}"`)
  }
  for (const key of REQUIRED_HEADERS) {
    if (!fields.has(key)) throw new Hj212SegmentError(`Missing data-segment field ${key}`)
  }
  const flag = Number(fields.get('Flag'))
  if (flag > 255) throw new Hj212SegmentError(`Flag ${flag} does not fit in one byte`)
  const flagBits = decodeFlag(flag)
  if (flagBits.hasPacketNumber !== (fields.has('PNUM') && fields.has('PNO'))) {
    throw new Hj212SegmentError('PNUM and PNO must be present exactly when Flag bit D is set')
  }
  const optionalNumber = (key: string) => (fields.has(key) ? Number(fields.get(key)) : null)
  return {
    qn: fields.get('QN') ?? null,
    st: fields.get('ST')!,
    cn: fields.get('CN')!,
    pw: fields.get('PW')!,
    mn: fields.get('MN')!,
    flag,
    flagBits,
    pnum: optionalNumber('PNUM'),
    pno: optionalNumber('PNO'),
  }
}

function parseCp(cp: string): Pick<Hj212Packet, 'dataTime' | 'values' | 'params'> {
  const items = parsePairs(cp.replaceAll(',', ';'), ';', 'CP')
  const values: Record<string, Hj212Reading> = {}
  const params: Record<string, string> = {}
  let dataTime: string | null = null

  for (const [key, value] of items) {
    if (key === 'DataTime') {
      if (!DATA_TIME.test(value)) throw new Hj212SegmentError(`Malformed DataTime "${value}"`)
      dataTime = value
    } else if (key.includes('-')) {
      addReading(values, params, key, value)
    } else {
      if (!CODE.test(key) || !PARAM_VALUE.test(value)) {
        throw new Hj212SegmentError(`Malformed CP parameter "${key}=${value}"`)
      }
      params[key] = value
    }
  }
  return { dataTime, values, params }
}

function addReading(
  values: Record<string, Hj212Reading>,
  params: Record<string, string>,
  key: string,
  value: string
): void {
  const [code, suffix, ...rest] = key.split('-')
  if (rest.length > 0 || !CODE.test(code) || !CODE.test(suffix)) {
    throw new Hj212SegmentError(`Malformed key ${key}`)
  }
  if (suffix !== 'Flag' && !Object.hasOwn(READING_FIELDS, suffix)) {
    // Factor fields this module does not model (ZsRtd, EFlag, SampleTime…) stay available raw.
    if (!PARAM_VALUE.test(value)) throw new Hj212SegmentError(`Malformed ${key} "${value}"`)
    params[key] = value
    return
  }
  const reading = (values[code] ??= {})
  if (suffix === 'Flag') {
    if (!Object.hasOwn(HJ212_DATA_FLAGS, value)) {
      throw new Hj212SegmentError(`Unknown data flag "${value}" for ${code}`)
    }
    reading.flag = value as Hj212DataFlag
    return
  }
  const field: NumericField = READING_FIELDS[suffix as keyof typeof READING_FIELDS]
  if (!NUMBER.test(value)) throw new Hj212SegmentError(`${key} is not a number: "${value}"`)
  reading[field] = Number(value)
}
