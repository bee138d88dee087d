/*
 * Surface-water classification per GB 3838-2002 (地表水环境质量标准), Table 1 basic items.
 *
 * Decisions:
 * - A parameter's class is the best class whose limit it meets; where two classes share a limit
 *   (COD and BOD5 for I and II) the value is class I, so class II is unreachable for them.
 * - pH (6–9 for every class) never sets a class; outside the range the sample is non-compliant.
 * - TN is a lake/reservoir item in the standard; for rivers it is reported as not assessed.
 * - Exceedance multiples follow 《地表水环境质量评价办法（试行）》: (C − limit) / limit, and none
 *   is computed for DO or pH (they are reported as exceeding with multiple null).
 */
import { Exception } from '@adonisjs/core/exceptions'

export type WaterClass = 'I' | 'II' | 'III' | 'IV' | 'V' | '劣V'
export type TargetClass = Exclude<WaterClass, '劣V'>
export type WaterBody = 'river' | 'lake'

/** Parameters that define a class; pH is handled separately. */
export type ClassParameter = 'cod' | 'nh3n' | 'do' | 'codmn' | 'bod5' | 'tp' | 'tn'
export type WaterParameter = ClassParameter | 'ph'

export type WaterSample = Partial<Record<WaterParameter, number>>

export interface WaterOptions {
  /** Lakes and reservoirs (湖、库) have stricter TP limits and an assessed TN. Default river. */
  waterBody?: WaterBody
}

export interface ParameterInfo {
  name: string
  nameEn: string
  unit: string
}

export interface WaterClassification {
  /** Worst class among assessed parameters; null when no class-defining parameter was given. */
  waterClass: WaterClass | null
  parameterClasses: Partial<Record<ClassParameter, WaterClass>>
  /** Parameters whose class equals the overall class (the ones that set it). */
  worstParameters: ClassParameter[]
  /** null when pH was not measured. */
  phCompliant: boolean | null
  notAssessed: ClassParameter[]
}

export interface Exceedance {
  parameter: WaterParameter
  value: number
  /** The limit that was violated (for pH the bound crossed, 6 or 9). */
  limit: number
  /** (C − limit) / limit; null for DO and pH, which have no exceedance multiple. */
  multiple: number | null
}

export interface ComplianceResult {
  status: '达标' | '不达标'
  compliant: boolean
  targetClass: TargetClass
  waterClass: WaterClass | null
  exceeding: Exceedance[]
}

/** A measured value that is negative, NaN or infinite (pH also must be ≤ 14). */
export class InvalidWaterValueError extends Exception {
  static status = 422
  static code = 'E_INVALID_WATER_VALUE'
}

/** A parameter name or target class the standard does not define here. */
export class UnknownWaterParameterError extends Exception {
  static status = 422
  static code = 'E_UNKNOWN_WATER_PARAMETER'
}

export const WATER_CLASSES: readonly WaterClass[] = ['I', 'II', 'III', 'IV', 'V', '劣V']
const TARGET_CLASSES: readonly TargetClass[] = ['I', 'II', 'III', 'IV', 'V']

export const PH_RANGE = { min: 6, max: 9 } as const

export const WATER_PARAMETERS: Readonly<Record<WaterParameter, ParameterInfo>> = {
  cod: { name: '化学需氧量', nameEn: 'COD', unit: 'mg/L' },
  nh3n: { name: '氨氮', nameEn: 'NH3-N', unit: 'mg/L' },
  do: { name: '溶解氧', nameEn: 'Dissolved oxygen', unit: 'mg/L' },
  codmn: { name: '高锰酸盐指数', nameEn: 'Permanganate index (CODMn)', unit: 'mg/L' },
  bod5: { name: '五日生化需氧量', nameEn: 'BOD5', unit: 'mg/L' },
  tp: { name: '总磷', nameEn: 'Total phosphorus', unit: 'mg/L' },
  tn: { name: '总氮', nameEn: 'Total nitrogen', unit: 'mg/L' },
  ph: { name: 'pH值', nameEn: 'pH', unit: '无量纲' },
}

/** Limits for classes I…V; DO is a minimum ("≥"), every other one a maximum ("≤"). */
const LIMITS: Readonly<Record<WaterBody, Partial<Record<ClassParameter, readonly number[]>>>> = {
  river: {
    cod: [15, 15, 20, 30, 40],
    nh3n: [0.15, 0.5, 1.0, 1.5, 2.0],
    do: [7.5, 6, 5, 3, 2],
    codmn: [2, 4, 6, 10, 15],
    bod5: [3, 3, 4, 6, 10],
    tp: [0.02, 0.1, 0.2, 0.3, 0.4],
  },
  lake: {
    cod: [15, 15, 20, 30, 40],
    nh3n: [0.15, 0.5, 1.0, 1.5, 2.0],
    do: [7.5, 6, 5, 3, 2],
    codmn: [2, 4, 6, 10, 15],
    bod5: [3, 3, 4, 6, 10],
    tp: [0.01, 0.025, 0.05, 0.1, 0.2],
    tn: [0.2, 0.5, 1.0, 1.5, 2.0],
  },
}

const HIGHER_IS_BETTER: ReadonlySet<ClassParameter> = new Set(['do'])

/** Class limits I…V for one parameter, or undefined when the water body does not assess it. */
export function classLimits(parameter: ClassParameter, waterBody: WaterBody = 'river') {
  return LIMITS[waterBody][parameter]
}

function assertValue(parameter: string, value: number): void {
  if (!Object.hasOwn(WATER_PARAMETERS, parameter)) {
    throw new UnknownWaterParameterError(`Unknown water-quality parameter '${parameter}'`)
  }
  const tooHigh = parameter === 'ph' && value > 14
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || tooHigh) {
    throw new InvalidWaterValueError(`Invalid value for ${parameter}: ${String(value)}`)
  }
}

function meets(parameter: ClassParameter, value: number, limit: number): boolean {
  return HIGHER_IS_BETTER.has(parameter) ? value >= limit : value <= limit
}

/** Class of a single parameter; undefined when the water body does not assess it (TN in rivers). */
export function parameterClass(
  parameter: ClassParameter,
  value: number,
  waterBody: WaterBody = 'river'
): WaterClass | undefined {
  assertValue(parameter, value)
  const limits = classLimits(parameter, waterBody)
  if (!limits) return undefined
  const index = limits.findIndex((limit) => meets(parameter, value, limit))
  return index === -1 ? '劣V' : WATER_CLASSES[index]
}

/** True when pH lies within 6–9 inclusive. */
export function isPhCompliant(ph: number): boolean {
  assertValue('ph', ph)
  return ph >= PH_RANGE.min && ph <= PH_RANGE.max
}

function classRank(waterClass: WaterClass): number {
  return WATER_CLASSES.indexOf(waterClass)
}

/** Overall class of a sample: the worst class among its parameters. */
export function classifyWater(
  sample: WaterSample,
  options: WaterOptions = {}
): WaterClassification {
  const waterBody = options.waterBody ?? 'river'
  const parameterClasses: Partial<Record<ClassParameter, WaterClass>> = {}
  const notAssessed: ClassParameter[] = []

  for (const [parameter, value] of sampleEntries(sample)) {
    if (parameter === 'ph') continue
    const waterClass = parameterClass(parameter, value, waterBody)
    if (waterClass) parameterClasses[parameter] = waterClass
    else notAssessed.push(parameter)
  }

  const assessed = Object.entries(parameterClasses) as [ClassParameter, WaterClass][]
  const worstRank = Math.max(-1, ...assessed.map(([, waterClass]) => classRank(waterClass)))
  return {
    waterClass: worstRank === -1 ? null : WATER_CLASSES[worstRank],
    parameterClasses,
    worstParameters: assessed.filter(([, c]) => classRank(c) === worstRank).map(([p]) => p),
    phCompliant: sample.ph === undefined ? null : isPhCompliant(sample.ph),
    notAssessed,
  }
}

function sampleEntries(sample: WaterSample): [WaterParameter, number][] {
  const entries = Object.entries(sample).filter(([, value]) => value !== undefined)
  for (const [parameter, value] of entries) assertValue(parameter, value as number)
  return entries as [WaterParameter, number][]
}

function assertTarget(targetClass: string): asserts targetClass is TargetClass {
  if (!TARGET_CLASSES.includes(targetClass as TargetClass)) {
    throw new UnknownWaterParameterError(`Target class must be one of I–V, got '${targetClass}'`)
  }
}

/** Parameters that miss the target class, with their exceedance multiple. */
export function exceedingParameters(
  sample: WaterSample,
  targetClass: TargetClass,
  options: WaterOptions = {}
): Exceedance[] {
  assertTarget(targetClass)
  const waterBody = options.waterBody ?? 'river'
  const targetIndex = classRank(targetClass)
  const exceeding: Exceedance[] = []

  for (const [parameter, value] of sampleEntries(sample)) {
    const exceedance =
      parameter === 'ph'
        ? phExceedance(value)
        : limitExceedance(parameter, value, classLimits(parameter, waterBody)?.[targetIndex])
    if (exceedance) exceeding.push(exceedance)
  }
  return exceeding
}

function phExceedance(value: number): Exceedance | null {
  if (isPhCompliant(value)) return null
  return {
    parameter: 'ph',
    value,
    limit: value < PH_RANGE.min ? PH_RANGE.min : PH_RANGE.max,
    multiple: null,
  }
}

function limitExceedance(
  parameter: ClassParameter,
  value: number,
  limit: number | undefined
): Exceedance | null {
  if (limit === undefined || meets(parameter, value, limit)) return null
  const multiple = HIGHER_IS_BETTER.has(parameter) ? null : (value - limit) / limit
  return { parameter, value, limit, multiple }
}

/** Compliance of a monitoring section against its target class (达标 / 不达标). */
export function assessCompliance(
  sample: WaterSample,
  targetClass: TargetClass,
  options: WaterOptions = {}
): ComplianceResult {
  const exceeding = exceedingParameters(sample, targetClass, options)
  const compliant = exceeding.length === 0
  return {
    status: compliant ? '达标' : '不达标',
    compliant,
    targetClass,
    waterClass: classifyWater(sample, options).waterClass,
    exceeding,
  }
}
