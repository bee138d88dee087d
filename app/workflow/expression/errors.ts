/**
 * Errors of the workflow expression subset. Every error carries a Chinese and an English text
 * because the same message reaches process admins (zh-CN) and logs (en).
 */

export type ExpressionErrorCode =
  | 'E_EXPR_WRAPPER'
  | 'E_EXPR_EMPTY'
  | 'E_EXPR_TOO_LONG'
  | 'E_EXPR_TOO_DEEP'
  | 'E_EXPR_UNEXPECTED_CHARACTER'
  | 'E_EXPR_FULL_WIDTH_CHARACTER'
  | 'E_EXPR_UNTERMINATED_STRING'
  | 'E_EXPR_INVALID_ESCAPE'
  | 'E_EXPR_INVALID_NUMBER'
  | 'E_EXPR_UNEXPECTED_TOKEN'
  | 'E_EXPR_CHAINED_COMPARISON'
  | 'E_EXPR_METHOD_CALL'
  | 'E_EXPR_INDEX_ACCESS'
  | 'E_EXPR_ARITHMETIC'
  | 'E_EXPR_TERNARY'
  | 'E_EXPR_ASSIGNMENT'
  | 'E_EXPR_LAMBDA'
  | 'E_EXPR_COLLECTION_LITERAL'
  | 'E_EXPR_STATEMENT_SEPARATOR'
  | 'E_EXPR_INSTANCEOF'
  | 'E_EXPR_FORBIDDEN_PROPERTY'
  | 'E_EXPR_RESERVED_NAME'
  | 'E_EXPR_NOT_BOOLEAN'

/** Base class so callers can catch every expression failure at once. */
export class ExpressionError extends Error {
  readonly messageZh: string
  readonly messageEn: string

  constructor(messageZh: string, messageEn: string) {
    super(`${messageZh} / ${messageEn}`)
    this.name = new.target.name
    this.messageZh = messageZh
    this.messageEn = messageEn
  }
}

/** The source is not in the supported subset; thrown by the tokenizer and the parser. */
export class ExpressionSyntaxError extends ExpressionError {
  readonly code: ExpressionErrorCode
  /** 0-based offset into the source exactly as it was given (wrapper included). */
  readonly position: number

  constructor(code: ExpressionErrorCode, position: number, messageZh: string, messageEn: string) {
    super(
      `表达式第 ${position + 1} 个字符处：${messageZh}`,
      `at character ${position + 1}: ${messageEn}`
    )
    this.code = code
    this.position = position
  }
}

/** Base class of the failures that depend on the variables, not on the source. */
export class ExpressionEvaluationError extends ExpressionError {}

/** Camunda throws "Cannot resolve identifier" for a missing variable; so do we. */
export class UnknownVariableError extends ExpressionEvaluationError {
  readonly variable: string

  constructor(variable: string) {
    super(`未定义的流程变量「${variable}」`, `unknown process variable '${variable}'`)
    this.variable = variable
  }
}

/** A dotted path names a property the object does not own. */
export class UnknownPropertyError extends ExpressionEvaluationError {
  readonly path: string

  constructor(path: string) {
    super(`对象没有属性「${path}」`, `unknown property '${path}'`)
    this.path = path
  }
}

/** A value of the wrong type for an operator (JUEL would raise an ELException or diverge). */
export class ExpressionTypeError extends ExpressionEvaluationError {}
