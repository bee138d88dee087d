import { memberPath, type ExpressionNode } from './ast.js'
import {
  coerceToBoolean,
  compare,
  describeType,
  isEmpty,
  isPlainObject,
  looselyEquals,
} from './coercion.js'
import { ExpressionTypeError, UnknownPropertyError, UnknownVariableError } from './errors.js'
import { parseExpression } from './parser.js'
import { FORBIDDEN_PROPERTIES } from './rules.js'

/** Process variables: a plain record (what bpmn-engine keeps) or a Map. */
export type ExpressionVariables = Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown>

const MISSING = Symbol('missing')

/**
 * Reads an own data property only: inherited names (toString, __proto__) are never reached and
 * getters are never run. `undefined` counts as missing because it does not survive the JSON
 * round trip of persisted engine state.
 */
function readOwn(container: object, name: string): unknown {
  if (FORBIDDEN_PROPERTIES.has(name)) {
    throw new ExpressionTypeError(`禁止访问「${name}」`, `access to '${name}' is forbidden`)
  }
  if (container instanceof Map) {
    return container.has(name) && container.get(name) !== undefined ? container.get(name) : MISSING
  }
  const descriptor = Object.getOwnPropertyDescriptor(container, name)
  if (descriptor === undefined) return MISSING
  if (!('value' in descriptor)) {
    throw new ExpressionTypeError(
      `「${name}」是访问器属性，不能读取`,
      `'${name}' is an accessor property and is not read`
    )
  }
  return descriptor.value === undefined ? MISSING : descriptor.value
}

function checkValue(value: unknown, path: string): unknown {
  const type = typeof value
  if (type === 'function' || type === 'symbol' || type === 'bigint') {
    throw new ExpressionTypeError(
      `「${path}」的类型 ${type} 不受支持`,
      `'${path}' has unsupported type ${type}`
    )
  }
  return value
}

function evaluateNode(node: ExpressionNode, variables: ExpressionVariables): unknown {
  switch (node.type) {
    case 'literal':
      return node.value
    case 'variable': {
      const value = readOwn(variables, node.name)
      if (value === MISSING) throw new UnknownVariableError(node.name)
      return checkValue(value, node.name)
    }
    case 'member': {
      const base = evaluateNode(node.object, variables)
      const path = memberPath(node) ?? node.property
      // EL §1.6: a null base yields null rather than an error.
      if (base === null) return null
      if (!isPlainObject(base)) {
        throw new ExpressionTypeError(
          `不能读取 ${describeType(base)} 的属性「${path}」`,
          `cannot read property '${path}' of ${describeType(base)}`
        )
      }
      const value = readOwn(base, node.property)
      if (value === MISSING) throw new UnknownPropertyError(path)
      return checkValue(value, path)
    }
    case 'unary': {
      const operand = evaluateNode(node.operand, variables)
      return node.operator === 'not' ? !coerceToBoolean(operand) : isEmpty(operand)
    }
    case 'logical': {
      const left = coerceToBoolean(evaluateNode(node.left, variables))
      // JUEL short-circuits: the right side is not evaluated, so its variables need not exist.
      if (node.operator === 'and' ? !left : left) return left
      return coerceToBoolean(evaluateNode(node.right, variables))
    }
    case 'comparison': {
      const left = evaluateNode(node.left, variables)
      const right = evaluateNode(node.right, variables)
      switch (node.operator) {
        case 'eq':
          return looselyEquals(left, right)
        case 'ne':
          return !looselyEquals(left, right)
        default:
          return compare(node.operator, left, right)
      }
    }
    default:
      throw new ExpressionTypeError(
        '无效的表达式语法树',
        `invalid expression node ${JSON.stringify(node)}`
      )
  }
}

function assertVariables(variables: unknown): asserts variables is ExpressionVariables {
  if (typeof variables !== 'object' || variables === null) {
    throw new ExpressionTypeError('流程变量必须是对象', 'process variables must be an object')
  }
}

/** Evaluates a parsed AST or `${…}` source against the variables; returns the raw value. */
export function evaluate(
  expression: ExpressionNode | string,
  variables: ExpressionVariables
): unknown {
  assertVariables(variables)
  const ast = typeof expression === 'string' ? parseExpression(expression) : expression
  return evaluateNode(ast, variables)
}

/**
 * Gateway/sequence-flow condition. Like Camunda's ConditionExpression, the result must be a
 * boolean: null or a string "true" is an error here, not a truthy value.
 */
export function evaluateCondition(
  expression: ExpressionNode | string,
  variables: ExpressionVariables
): boolean {
  const result = evaluate(expression, variables)
  if (typeof result !== 'boolean') {
    throw new ExpressionTypeError(
      `条件表达式的结果必须是布尔值，实际为 ${describeType(result)}`,
      `a condition must evaluate to a boolean, got ${describeType(result)}`
    )
  }
  return result
}
