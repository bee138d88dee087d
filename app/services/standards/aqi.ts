/*
 * Air Quality Index per HJ 633-2012 (环境空气质量指数（AQI）技术规定（试行）).
 *
 * Decisions (documented here because the standard leaves them open):
 * - IAQI is rounded UP to an integer (ceil), as DOMAIN.md §5 specifies; a 1e-9 tolerance absorbs
 *   binary floating-point noise (CO 2.2 mg/m³ is exactly 55, naive float math gives 55.000…01).
 * - A concentration above the top breakpoint (IAQI 500) is capped at IAQI 500: the standard
 *   defines no index beyond 500 and capping keeps "severely polluted" rather than failing.
 *   Exceptions are the two cases the standard itself redirects (SO2 1 h > 800, O3 8 h > 800),
 *   which throw BreakpointTableExceededError from iaqi() and are resolved by aqi().
 * - PM2.5 and PM10 have only 24 h breakpoints; in hourly mode their (hourly) concentrations
 *   are indexed against those, as the national real-time publication does.
 */
import { Exception } from '@adonisjs/core/exceptions'

export type Pollutant = 'PM2.5' | 'PM10' | 'SO2' | 'NO2' | 'CO' | 'O3'
export type Averaging = '1h' | '8h' | '24h'
export type AqiMode = 'daily' | 'hourly'

/** The items an AQI report evaluates; O3 appears twice (1 h maximum and 8 h average). */
export type AqiIndicator = 'PM2.5' | 'PM10' | 'SO2' | 'NO2' | 'CO' | 'O3_1h' | 'O3_8h'

export type AqiConcentrations = Partial<Record<AqiIndicator, number>>

export interface AqiOptions {
  mode?: AqiMode
  /** SO2 24 h average, used in hourly mode when SO2 1 h exceeds 800 µg/m³ (standard's note 2). */
  so2DailyAverage?: number
}

export type AqiLevel = 1 | 2 | 3 | 4 | 5 | 6

export interface AqiBand {
  level: AqiLevel
  levelName: string
  category: string
  categoryEn: string
  colour: string
  colourHex: string
  min: number
  max: number | null
}

export interface AqiResult {
  aqi: number
  primaryPollutants: AqiIndicator[]
  /** Indicators whose IAQI > 100 (超标污染物). */
  exceedingPollutants: AqiIndicator[]
  band: AqiBand
  iaqi: Partial<Record<AqiIndicator, number>>
}

/** A concentration that is negative, NaN or infinite. */
export class InvalidConcentrationError extends Exception {
  static status = 422
  static code = 'E_INVALID_CONCENTRATION'
}

/** A pollutant/averaging pair for which HJ 633-2012 has no breakpoint table. */
export class UnsupportedAveragingError extends Exception {
  static status = 422
  static code = 'E_UNSUPPORTED_AVERAGING'
}

/** SO2 1 h or O3 8 h above 800 µg/m³: the standard forbids computing this IAQI. */
export class BreakpointTableExceededError extends Exception {
  static status = 422
  static code = 'E_BREAKPOINT_TABLE_EXCEEDED'
}

/** A key in the AQI input that is not one of the evaluated indicators (e.g. plain 'O3'). */
export class UnknownIndicatorError extends Exception {
  static status = 422
  static code = 'E_UNKNOWN_AQI_INDICATOR'
}

/** No indicator was supplied, so no AQI can be computed. */
export class MissingConcentrationsError extends Exception {
  static status = 422
  static code = 'E_MISSING_CONCENTRATIONS'
}

/** IAQI values at the breakpoints, shared by every table (HJ 633-2012 Table 1). */
export const IAQI_BREAKPOINTS = [0, 50, 100, 150, 200, 300, 400, 500] as const

type TableKey = `${Pollutant}_${Averaging}`

/** Concentration breakpoints; µg/m³ except CO in mg/m³. Shorter rows end at their last IAQI. */
export const CONCENTRATION_BREAKPOINTS: Readonly<Partial<Record<TableKey, readonly number[]>>> = {
  'SO2_24h': [0, 50, 150, 475, 800, 1600, 2100, 2620],
  'SO2_1h': [0, 150, 500, 650, 800],
  'NO2_24h': [0, 40, 80, 180, 280, 565, 750, 940],
  'NO2_1h': [0, 100, 200, 700, 1200, 2340, 3090, 3840],
  'PM10_24h': [0, 50, 150, 250, 350, 420, 500, 600],
  'CO_24h': [0, 2, 4, 14, 24, 36, 48, 60],
  'CO_1h': [0, 5, 10, 35, 60, 90, 120, 150],
  'O3_1h': [0, 160, 200, 300, 400, 800, 1000, 1200],
  'O3_8h': [0, 100, 160, 215, 265, 800],
  'PM2.5_24h': [0, 35, 75, 115, 150, 250, 350, 500],
}

/** Tables the standard truncates on purpose: above the top the IAQI comes from another average. */
const REDIRECTED_TABLES: Readonly<Partial<Record<TableKey, string>>> = {
  SO2_1h: 'SO2 1-hour above 800 µg/m³: report the IAQI of the 24-hour average instead',
  O3_8h: 'O3 8-hour above 800 µg/m³: report the IAQI of the 1-hour average instead',
}

const MAX_IAQI = 500
const FLOAT_TOLERANCE = 1e-9

export const AQI_BANDS: readonly AqiBand[] = [
  band(1, '一级', '优', 'Excellent', 'green', '#00E400', 0, 50),
  band(2, '二级', '良', 'Good', 'yellow', '#FFFF00', 51, 100),
  band(3, '三级', '轻度污染', 'Lightly polluted', 'orange', '#FF7E00', 101, 150),
  band(4, '四级', '中度污染', 'Moderately polluted', 'red', '#FF0000', 151, 200),
  band(5, '五级', '重度污染', 'Heavily polluted', 'purple', '#99004C', 201, 300),
  band(6, '六级', '严重污染', 'Severely polluted', 'maroon', '#7E0023', 301, null),
]

function band(
  level: AqiLevel,
  levelName: string,
  category: string,
  categoryEn: string,
  colour: string,
  colourHex: string,
  min: number,
  max: number | null
): AqiBand {
  return Object.freeze({ level, levelName, category, categoryEn, colour, colourHex, min, max })
}

/** Which table each indicator uses in each reporting mode (HJ 633-2012 §5). */
const INDICATOR_TABLES: Readonly<Record<AqiMode, Record<AqiIndicator, [Pollutant, Averaging]>>> = {
  daily: {
    'PM2.5': ['PM2.5', '24h'],
    'PM10': ['PM10', '24h'],
    'SO2': ['SO2', '24h'],
    'NO2': ['NO2', '24h'],
    'CO': ['CO', '24h'],
    'O3_1h': ['O3', '1h'],
    'O3_8h': ['O3', '8h'],
  },
  hourly: {
    'PM2.5': ['PM2.5', '24h'],
    'PM10': ['PM10', '24h'],
    'SO2': ['SO2', '1h'],
    'NO2': ['NO2', '1h'],
    'CO': ['CO', '1h'],
    'O3_1h': ['O3', '1h'],
    'O3_8h': ['O3', '8h'],
  },
}

/** Breakpoint row for a pollutant/averaging pair, or UnsupportedAveragingError. */
export function breakpointsFor(pollutant: Pollutant, averaging: Averaging): readonly number[] {
  const row = CONCENTRATION_BREAKPOINTS[`${pollutant}_${averaging}`]
  if (!row) {
    throw new UnsupportedAveragingError(
      `HJ 633-2012 has no ${averaging} breakpoint table for ${pollutant}`
    )
  }
  return row
}

function assertConcentration(label: string, concentration: number): void {
  if (typeof concentration !== 'number' || !Number.isFinite(concentration) || concentration < 0) {
    throw new InvalidConcentrationError(
      `Concentration of ${label} must be a finite number ≥ 0, got ${String(concentration)}`
    )
  }
}

/** Individual AQI (IAQI_P) of one pollutant concentration. */
export function iaqi(pollutant: Pollutant, concentration: number, averaging: Averaging): number {
  const row = breakpointsFor(pollutant, averaging)
  assertConcentration(`${pollutant} ${averaging}`, concentration)

  const top = row.length - 1
  if (concentration > row[top]) {
    const redirect = REDIRECTED_TABLES[`${pollutant}_${averaging}`]
    if (redirect) throw new BreakpointTableExceededError(redirect)
    return MAX_IAQI
  }

  // First segment whose upper breakpoint reaches C; at a breakpoint both segments agree.
  const hi = row.findIndex((bp, index) => index > 0 && concentration <= bp)
  return interpolate(
    row[hi - 1],
    row[hi],
    IAQI_BREAKPOINTS[hi - 1],
    IAQI_BREAKPOINTS[hi],
    concentration
  )
}

function interpolate(bpLo: number, bpHi: number, iLo: number, iHi: number, c: number): number {
  const raw = ((iHi - iLo) / (bpHi - bpLo)) * (c - bpLo) + iLo
  return Math.ceil(raw - FLOAT_TOLERANCE)
}

/** The AQI band an AQI value falls in. */
export function aqiBand(aqiValue: number): AqiBand {
  if (!Number.isFinite(aqiValue) || aqiValue < 0) {
    throw new InvalidConcentrationError(`AQI must be a finite number ≥ 0, got ${String(aqiValue)}`)
  }
  return (
    AQI_BANDS.find((b) => b.max === null || aqiValue <= b.max) ?? AQI_BANDS[AQI_BANDS.length - 1]
  )
}

/** AQI, primary and exceeding pollutants, band and every IAQI for one set of concentrations. */
export function aqi(concentrations: AqiConcentrations, options: AqiOptions = {}): AqiResult {
  const mode = options.mode ?? 'daily'
  const known = Object.keys(INDICATOR_TABLES[mode]) as AqiIndicator[]
  const unknown = Object.keys(concentrations).filter((key) => !known.includes(key as AqiIndicator))
  if (unknown.length > 0) {
    throw new UnknownIndicatorError(`Unknown AQI indicator(s): ${unknown.join(', ')}`)
  }
  const indicators = known.filter((indicator) => concentrations[indicator] !== undefined)
  if (indicators.length === 0) {
    throw new MissingConcentrationsError('At least one pollutant concentration is required')
  }

  const indices: Partial<Record<AqiIndicator, number>> = {}
  for (const indicator of indicators) {
    indices[indicator] = indicatorIaqi(indicator, concentrations, mode, options)
  }

  const aqiValue = Math.max(...indicators.map((indicator) => indices[indicator]!))
  return {
    aqi: aqiValue,
    primaryPollutants:
      aqiValue > 50 ? indicators.filter((indicator) => indices[indicator] === aqiValue) : [],
    exceedingPollutants: indicators.filter((indicator) => indices[indicator]! > 100),
    band: aqiBand(aqiValue),
    iaqi: indices,
  }
}

function indicatorIaqi(
  indicator: AqiIndicator,
  concentrations: AqiConcentrations,
  mode: AqiMode,
  options: AqiOptions
): number {
  const [pollutant, averaging] = INDICATOR_TABLES[mode][indicator]
  const concentration = concentrations[indicator]!
  assertConcentration(indicator, concentration)
  if (concentration <= 800) return iaqi(pollutant, concentration, averaging)

  if (indicator === 'SO2' && mode === 'hourly') {
    return redirectedIaqi(
      'SO2 24h average (so2DailyAverage)',
      options.so2DailyAverage,
      'SO2',
      '24h'
    )
  }
  if (indicator === 'O3_8h') {
    return redirectedIaqi('O3_1h concentration', concentrations.O3_1h, 'O3', '1h')
  }
  return iaqi(pollutant, concentration, averaging)
}

function redirectedIaqi(
  needed: string,
  concentration: number | undefined,
  pollutant: Pollutant,
  averaging: Averaging
): number {
  if (concentration === undefined) {
    throw new BreakpointTableExceededError(`Above 800 µg/m³ the standard requires the ${needed}`)
  }
  return iaqi(pollutant, concentration, averaging)
}
