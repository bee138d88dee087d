import {
  memberPath,
  type ComparisonOperator,
  type ExpressionNode,
  type LiteralValue,
  type LogicalOperator,
  type UnaryOperator,
} from './ast.js'
import { ExpressionSyntaxError } from './errors.js'
import { methodCallError, nameError, unsupportedTokenError } from './rules.js'
import { tokenize, type Token } from './tokenizer.js'

/** Long enough for any gateway condition; bounds work on admin-supplied text. */
export const MAX_EXPRESSION_LENGTH = 2000
/** Bounds recursion on `((((…` and `!!!!…` so a hostile .bpmn cannot overflow the stack. */
export const MAX_NESTING_DEPTH = 64

export interface ExpressionBody {
  /** Text between the braces. */
  readonly body: string
  /** Offset of `body` in the original source. */
  readonly offset: number
}

/** Camunda trims the text of a condition, then needs exactly one `${…}` (or `#{…}`) around it. */
export function unwrap(source: string): ExpressionBody {
  if (typeof source !== 'string') {
    throw new ExpressionSyntaxError(
      'E_EXPR_WRAPPER',
      0,
      '表达式必须是字符串',
      'the expression must be a string'
    )
  }
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionSyntaxError(
      'E_EXPR_TOO_LONG',
      MAX_EXPRESSION_LENGTH,
      `表达式超过 ${MAX_EXPRESSION_LENGTH} 个字符`,
      `the expression is longer than ${MAX_EXPRESSION_LENGTH} characters`
    )
  }
  const open = /^\s*[$#]\{/.exec(source)
  const close = /\}\s*$/.exec(source)
  if (!open || !close || close.index < open[0].length) {
    const at = open ? source.length : source.search(/\S|$/)
    throw new ExpressionSyntaxError(
      'E_EXPR_WRAPPER',
      at,
      '表达式必须整体写成 ${…}，例如 ${approved}',
      'the expression must be wrapped as a whole in ${…}, e.g. ${approved}'
    )
  }
  const body = source.slice(open[0].length, close.index)
  if (body.trim() === '') {
    throw new ExpressionSyntaxError(
      'E_EXPR_EMPTY',
      open[0].length,
      '表达式为空',
      'the expression is empty'
    )
  }
  return { body, offset: open[0].length }
}

const LOGICAL: Record<string, LogicalOperator> = {
  '&&': 'and',
  'and': 'and',
  '||': 'or',
  'or': 'or',
}
const EQUALITY: Record<string, ComparisonOperator> = {
  '==': 'eq',
  'eq': 'eq',
  '!=': 'ne',
  'ne': 'ne',
}
const RELATIONAL: Record<string, ComparisonOperator> = {
  '<': 'lt',
  'lt': 'lt',
  '<=': 'le',
  'le': 'le',
  '>': 'gt',
  'gt': 'gt',
  '>=': 'ge',
  'ge': 'ge',
}
const UNARY: Record<string, UnaryOperator> = { '!': 'not', 'not': 'not', 'empty': 'empty' }
const LITERALS: Record<string, LiteralValue> = { true: true, false: false, null: null }

/** Operator spellings are either punctuators or keywords; identifiers never are. */
function operatorOf<T>(table: Record<string, T>, token: Token): T | undefined {
  if (token.kind !== 'punctuator' && token.kind !== 'keyword') return undefined
  return Object.hasOwn(table, token.text) ? table[token.text] : undefined
}

class Parser {
  readonly #tokens: Token[]
  #index = 0
  #depth = 0

  constructor(tokens: Token[]) {
    this.#tokens = tokens
  }

  parse(): ExpressionNode {
    const node = this.#or()
    const rest = this.#peek()
    if (rest.kind !== 'eof') throw this.#unexpected(rest)
    return node
  }

  #peek(): Token {
    return this.#tokens[this.#index]
  }

  #next(): Token {
    const token = this.#tokens[this.#index]
    if (token.kind !== 'eof') this.#index++
    return token
  }

  #unexpected(token: Token): ExpressionSyntaxError {
    if (token.kind === 'unsupported') return unsupportedTokenError(token)
    if (token.kind === 'eof') {
      return new ExpressionSyntaxError(
        'E_EXPR_UNEXPECTED_TOKEN',
        token.position,
        '表达式不完整',
        'unexpected end of expression'
      )
    }
    return new ExpressionSyntaxError(
      'E_EXPR_UNEXPECTED_TOKEN',
      token.position,
      `此处不应出现「${token.text}」`,
      `unexpected '${token.text}'`
    )
  }

  #enter(token: Token): void {
    this.#depth++
    if (this.#depth > MAX_NESTING_DEPTH) {
      throw new ExpressionSyntaxError(
        'E_EXPR_TOO_DEEP',
        token.position,
        `嵌套超过 ${MAX_NESTING_DEPTH} 层`,
        `nested deeper than ${MAX_NESTING_DEPTH} levels`
      )
    }
  }

  // `or` binds looser than `and`; both are left-associative and short-circuit at run time.
  #or(): ExpressionNode {
    return this.#logical('or', () => this.#and())
  }

  #and(): ExpressionNode {
    return this.#logical('and', () => this.#equality())
  }

  // JUEL: relational binds tighter than equality; chains like a < b < c are refused as ambiguous.
  #equality(): ExpressionNode {
    return this.#comparison(EQUALITY, () => this.#relational())
  }

  #relational(): ExpressionNode {
    return this.#comparison(RELATIONAL, () => this.#unary())
  }

  #logical(level: LogicalOperator, operand: () => ExpressionNode): ExpressionNode {
    let left = operand()
    while (operatorOf(LOGICAL, this.#peek()) === level) {
      this.#next()
      const right = operand()
      left = Object.freeze({
        type: 'logical',
        operator: level,
        left,
        right,
        position: left.position,
      })
    }
    return left
  }

  #comparison(
    table: Record<string, ComparisonOperator>,
    operand: () => ExpressionNode
  ): ExpressionNode {
    const left = operand()
    const operator = operatorOf(table, this.#peek())
    if (operator === undefined) return left
    this.#next()
    const right = operand()
    const chained = this.#peek()
    if (operatorOf(table, chained) !== undefined) {
      throw new ExpressionSyntaxError(
        'E_EXPR_CHAINED_COMPARISON',
        chained.position,
        `连续比较「${chained.text}」含义不明，请加括号或用 && 连接`,
        `chained comparison '${chained.text}' is ambiguous, add parentheses or use &&`
      )
    }
    return Object.freeze({ type: 'comparison', operator, left, right, position: left.position })
  }

  #unary(): ExpressionNode {
    const token = this.#peek()
    const operator = operatorOf(UNARY, token)
    if (operator === undefined) return this.#postfix()
    this.#next()
    this.#enter(token)
    const operand = this.#unary()
    this.#depth--
    return Object.freeze({ type: 'unary', operator, operand, position: token.position })
  }

  #postfix(): ExpressionNode {
    let node = this.#primary()
    let last = this.#tokens[this.#index - 1]
    while (this.#peek().text === '.' && this.#peek().kind === 'punctuator') {
      const dot = this.#next()
      if (node.type !== 'variable' && node.type !== 'member') {
        throw new ExpressionSyntaxError(
          'E_EXPR_UNEXPECTED_TOKEN',
          dot.position,
          '只能对变量使用「.」访问属性',
          "'.' property access is only allowed on variables"
        )
      }
      const name = this.#next()
      if (name.kind !== 'identifier') {
        throw new ExpressionSyntaxError(
          'E_EXPR_UNEXPECTED_TOKEN',
          name.position,
          '「.」后应为属性名',
          "a property name is expected after '.'"
        )
      }
      const forbidden = nameError(name.text, name.position, false)
      if (forbidden) throw forbidden
      node = Object.freeze({
        type: 'member',
        object: node,
        property: name.text,
        position: node.position,
      })
      last = name
    }
    if (this.#peek().text === '(' && (node.type === 'variable' || node.type === 'member')) {
      throw methodCallError(memberPath(node) ?? last.text, last.position)
    }
    return node
  }

  #primary(): ExpressionNode {
    const token = this.#next()
    if (token.kind === 'number' || token.kind === 'string') {
      return Object.freeze({
        type: 'literal',
        value: token.value ?? null,
        position: token.position,
      })
    }
    if (token.kind === 'keyword' && Object.hasOwn(LITERALS, token.text)) {
      return Object.freeze({
        type: 'literal',
        value: LITERALS[token.text],
        position: token.position,
      })
    }
    if (token.kind === 'identifier') {
      const problem = nameError(token.text, token.position, true)
      if (problem) throw problem
      return Object.freeze({ type: 'variable', name: token.text, position: token.position })
    }
    if (token.kind === 'punctuator' && token.text === '(') {
      this.#enter(token)
      const inner = this.#or()
      const close = this.#next()
      if (close.kind !== 'punctuator' || close.text !== ')') {
        if (close.kind === 'eof') {
          throw new ExpressionSyntaxError(
            'E_EXPR_UNEXPECTED_TOKEN',
            close.position,
            '缺少右括号「)」',
            "missing ')'"
          )
        }
        throw this.#unexpected(close)
      }
      this.#depth--
      return inner
    }
    throw this.#unexpected(token)
  }
}

/** Parses the tokens of an unwrapped body (see `unwrap` and `tokenize`). */
export function parseTokens(tokens: Token[]): ExpressionNode {
  return new Parser(tokens).parse()
}

/** Parses `${…}` / `#{…}` source into a frozen AST, or throws ExpressionSyntaxError. */
export function parseExpression(source: string): ExpressionNode {
  const { body, offset } = unwrap(source)
  return parseTokens(tokenize(body, offset))
}
