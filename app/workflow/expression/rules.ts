import { ExpressionSyntaxError } from './errors.js'
import type { Token } from './tokenizer.js'

/**
 * What lies outside the subset and how to say so: names that are refused and the messages for
 * the constructs the tokenizer marks as unsupported. Shared by the parser, which stops at the
 * first one, and the linter, which reports them all.
 */

/** Own names only, but these three never mean data and are the classic pollution vectors. */
export const FORBIDDEN_PROPERTIES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
])

/** Camunda resolves these names to engine objects before any variable, so they cannot be ours. */
export const RESERVED_ROOT_NAMES: ReadonlySet<string> = new Set([
  'execution',
  'task',
  'externalTask',
  'caseExecution',
  'variableScope',
  'connector',
  'authenticatedUserId',
])

const UNSUPPORTED_MESSAGES: Record<string, readonly [string, string]> = {
  E_EXPR_ARITHMETIC: [
    '不支持算术运算或字符串拼接',
    'arithmetic and string concatenation are not supported',
  ],
  E_EXPR_TERNARY: [
    '不支持条件运算符 ?: 和函数命名空间',
    'the conditional operator ?: and function namespaces are not supported',
  ],
  E_EXPR_INDEX_ACCESS: [
    '不支持 [下标] 访问，请用点号访问属性',
    'index access [...] is not supported, use dotted property access',
  ],
  E_EXPR_COLLECTION_LITERAL: [
    '不支持花括号（集合字面量或第二个 ${…}）',
    'braces are not supported (set/map literals or a second ${…})',
  ],
  E_EXPR_ASSIGNMENT: [
    '不支持赋值「=」，比较请用 ==',
    "assignment '=' is not supported, compare with ==",
  ],
  E_EXPR_STATEMENT_SEPARATOR: [
    '不支持用分号连接多个表达式',
    "';' (several expressions) is not supported",
  ],
  E_EXPR_LAMBDA: ['不支持 lambda 表达式', 'lambda expressions are not supported'],
  E_EXPR_INSTANCEOF: ['不支持 instanceof', 'instanceof is not supported'],
  E_EXPR_UNEXPECTED_TOKEN: [
    '不支持逗号（参数列表或集合）',
    "',' (argument lists, collections) is not supported",
  ],
}

/** Syntax error for a token the tokenizer marked as outside the subset. */
export function unsupportedTokenError(token: Token): ExpressionSyntaxError {
  const code = token.code ?? 'E_EXPR_UNEXPECTED_TOKEN'
  const [zh, en] = UNSUPPORTED_MESSAGES[code] ?? ['不支持的写法', 'unsupported construct']
  return new ExpressionSyntaxError(
    code,
    token.position,
    `${zh}：「${token.text}」`,
    `${en}: '${token.text}'`
  )
}

export function methodCallError(name: string, position: number): ExpressionSyntaxError {
  return new ExpressionSyntaxError(
    'E_EXPR_METHOD_CALL',
    position,
    `不支持方法或函数调用：「${name}(…)」`,
    `method and function calls are not supported: '${name}(…)'`
  )
}

export function nameError(
  name: string,
  position: number,
  root: boolean
): ExpressionSyntaxError | undefined {
  if (FORBIDDEN_PROPERTIES.has(name)) {
    return new ExpressionSyntaxError(
      'E_EXPR_FORBIDDEN_PROPERTY',
      position,
      `禁止访问「${name}」`,
      `access to '${name}' is forbidden`
    )
  }
  if (root && RESERVED_ROOT_NAMES.has(name)) {
    return new ExpressionSyntaxError(
      'E_EXPR_RESERVED_NAME',
      position,
      `「${name}」是 Camunda 引擎的内置对象，不能作为流程变量使用`,
      `'${name}' is a built-in Camunda engine object, not a process variable`
    )
  }
  return undefined
}
