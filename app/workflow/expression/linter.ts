import { memberPath, type ExpressionNode } from './ast.js'
import { ExpressionSyntaxError, type ExpressionErrorCode } from './errors.js'
import { parseExpression, parseTokens, unwrap } from './parser.js'
import { methodCallError, nameError, unsupportedTokenError } from './rules.js'
import { tokenize, type Token } from './tokenizer.js'

export interface ExpressionProblem {
  readonly code: ExpressionErrorCode
  /** 0-based offset in the source. */
  readonly position: number
  readonly messageZh: string
  readonly messageEn: string
  readonly message: string
}

export interface LintOptions {
  /** `boolean` for sequence-flow conditions: a literal string, number or null there is refused. */
  readonly expect?: 'boolean' | 'any'
}

function toProblem(error: ExpressionSyntaxError): ExpressionProblem {
  return {
    code: error.code,
    position: error.position,
    messageZh: error.messageZh,
    messageEn: error.messageEn,
    message: error.message,
  }
}

/** Closing halves are not reported again once their opening half was. */
const COMPANIONS: Record<string, string> = { ']': '[', '}': '{', ':': '?' }

function isPunctuator(token: Token | undefined, text: string): boolean {
  return token?.kind === 'punctuator' && token.text === text
}

/** Dotted name ending at tokens[index], for the method-call message (`foo.bar`). */
function dottedNameEndingAt(tokens: Token[], index: number): string {
  let name = tokens[index].text
  let cursor = index
  while (isPunctuator(tokens[cursor - 1], '.') && tokens[cursor - 2]?.kind === 'identifier') {
    cursor -= 2
    name = `${tokens[cursor].text}.${name}`
  }
  return name
}

/** Every construct outside the subset, not only the first one the parser would stop at. */
function scan(tokens: Token[]): ExpressionSyntaxError[] {
  const errors: ExpressionSyntaxError[] = []
  const seen = new Set<string>()
  tokens.forEach((token, index) => {
    if (token.kind === 'unsupported') {
      const companion = COMPANIONS[token.text]
      if (companion === undefined || !seen.has(companion)) errors.push(unsupportedTokenError(token))
      seen.add(token.text)
      return
    }
    if (token.kind !== 'identifier') return
    const root = !isPunctuator(tokens[index - 1], '.')
    const problem = nameError(token.text, token.position, root)
    if (problem) errors.push(problem)
    if (isPunctuator(tokens[index + 1], '(')) {
      errors.push(methodCallError(dottedNameEndingAt(tokens, index), token.position))
    }
  })
  return errors
}

/**
 * Problems that keep `source` from being deployed; an empty list means parseExpression accepts
 * it and evaluate can run it. Used by the BPMN lint rule on every condition and expression.
 */
export function lintExpression(source: string, options: LintOptions = {}): ExpressionProblem[] {
  const errors: ExpressionSyntaxError[] = []
  try {
    const { body, offset } = unwrap(source)
    const tokens = tokenize(body, offset)
    errors.push(...scan(tokens))
    if (errors.length === 0) {
      const ast = parseTokens(tokens)
      if (
        options.expect === 'boolean' &&
        ast.type === 'literal' &&
        typeof ast.value !== 'boolean'
      ) {
        errors.push(
          new ExpressionSyntaxError(
            'E_EXPR_NOT_BOOLEAN',
            ast.position,
            '条件表达式的结果必须是布尔值',
            'a condition must evaluate to a boolean'
          )
        )
      }
    }
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error
    errors.push(error)
  }
  return errors.map(toProblem)
}

function walk(node: ExpressionNode, visit: (node: ExpressionNode) => boolean): void {
  if (!visit(node)) return
  if (node.type === 'unary') walk(node.operand, visit)
  if (node.type === 'logical' || node.type === 'comparison') {
    walk(node.left, visit)
    walk(node.right, visit)
  }
  if (node.type === 'member') walk(node.object, visit)
}

/** Root variable names the expression reads, in order of first appearance. */
export function referencedVariables(expression: ExpressionNode | string): string[] {
  const ast = typeof expression === 'string' ? parseExpression(expression) : expression
  const names = new Set<string>()
  walk(ast, (node) => {
    if (node.type === 'variable') names.add(node.name)
    return true
  })
  return [...names]
}

/** Full dotted paths the expression reads (`request.maxGrade`), in order of first appearance. */
export function referencedPaths(expression: ExpressionNode | string): string[] {
  const ast = typeof expression === 'string' ? parseExpression(expression) : expression
  const paths = new Set<string>()
  walk(ast, (node) => {
    if (node.type !== 'variable' && node.type !== 'member') return true
    const path = memberPath(node)
    if (path !== undefined) paths.add(path)
    return false
  })
  return [...paths]
}
