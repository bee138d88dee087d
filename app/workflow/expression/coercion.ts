import type { ComparisonOperator } from './ast.js'
import { ExpressionTypeError } from './errors.js'

/**
 * JUEL (EL 2.2 §1.8, §1.9, §1.18) coercion rules, restricted to the JSON-like values our
 * variables hold. Where JUEL's answer depends on Java types JavaScript cannot see (Long vs
 * Double, Date, Map.equals) we throw ExpressionTypeError instead of guessing, so the embedded
 * engine never silently disagrees with Operaton.
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** Short type name for error messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (isPlainObject(value)) return 'object'
  if (typeof value === 'object') return value.constructor?.name ?? 'object'
  return typeof value
}

function typeError(zh: string, en: string): ExpressionTypeError {
  return new ExpressionTypeError(zh, en)
}

/** EL §1.18.5: null and "" are false, strings are Boolean.valueOf (case-insensitive "true"). */
export function coerceToBoolean(value: unknown): boolean {
  if (value === null) return false
  if (typeof value === 'boolean') return value
  if (typeof value === 'string') return value.toLowerCase() === 'true'
  throw typeError(
    `无法把 ${describeType(value)} 转换为布尔值`,
    `cannot coerce ${describeType(value)} to boolean`
  )
}

const LONG = /^[+-]?\d+$/
const DOUBLE = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/

/**
 * EL §1.18.3: "" is 0; otherwise Long.valueOf when the other side is integral, Double.valueOf
 * when it has a fraction.
 */
function coerceToNumber(value: unknown, other: number): number {
  if (typeof value === 'number') return value
  if (typeof value === 'string') {
    if (value === '') return 0
    const pattern = Number.isInteger(other) ? LONG : DOUBLE
    const parsed = Number(value)
    if (pattern.test(value) && Number.isFinite(parsed)) return parsed
    throw typeError(
      `无法把字符串「${value}」转换为数字`,
      `cannot coerce string '${value}' to a number`
    )
  }
  throw typeError(
    `不能把 ${describeType(value)} 与数字比较`,
    `cannot compare ${describeType(value)} with a number`
  )
}

function numericPair(left: unknown, right: unknown): [number, number] {
  const hint = typeof left === 'number' ? left : (right as number)
  return [coerceToNumber(left, hint), coerceToNumber(right, hint)]
}

function scalarOrThrow(value: unknown, operator: string): void {
  const type = typeof value
  if (value === null || type === 'string' || type === 'number' || type === 'boolean') return
  throw typeError(
    `「${operator}」只能比较字符串、数字、布尔值和 null，不能比较 ${describeType(value)}`,
    `'${operator}' compares only strings, numbers, booleans and null, not ${describeType(value)}`
  )
}

/** EL §1.8.2 (==, !=). */
export function looselyEquals(left: unknown, right: unknown): boolean {
  if (left === right) return true
  scalarOrThrow(left, '==')
  scalarOrThrow(right, '==')
  if (left === null || right === null) return false
  if (typeof left === 'number' || typeof right === 'number') {
    const [a, b] = numericPair(left, right)
    return a === b
  }
  if (typeof left === 'boolean' || typeof right === 'boolean') {
    return coerceToBoolean(left) === coerceToBoolean(right)
  }
  return left === right
}

/** EL §1.8.1 (<, <=, >, >=). Strings compare by UTF-16 code unit, as Java's compareTo does. */
export function compare(
  operator: Exclude<ComparisonOperator, 'eq' | 'ne'>,
  left: unknown,
  right: unknown
): boolean {
  if (left === right) return operator === 'le' || operator === 'ge'
  scalarOrThrow(left, operator)
  scalarOrThrow(right, operator)
  if (left === null || right === null) return false

  let a: number | string
  let b: number | string
  if (typeof left === 'number' || typeof right === 'number') {
    if (typeof left === 'boolean' || typeof right === 'boolean') {
      throw typeError('不能把布尔值与数字比较大小', 'cannot order a boolean against a number')
    }
    ;[a, b] = numericPair(left, right)
  } else if (typeof left === 'string' || typeof right === 'string') {
    ;[a, b] = [String(left), String(right)]
  } else {
    // Both booleans: java.lang.Boolean is Comparable with false < true.
    ;[a, b] = [Number(left), Number(right)]
  }

  switch (operator) {
    case 'lt':
      return a < b
    case 'le':
      return a <= b
    case 'gt':
      return a > b
    case 'ge':
      return a >= b
  }
}

/** EL §1.9 `empty`: null, "", and empty arrays/objects are empty; any other value is not. */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === '') return true
  if (Array.isArray(value)) return value.length === 0
  if (isPlainObject(value)) return Object.keys(value).length === 0
  return false
}
