import { ExpressionSyntaxError, type ExpressionErrorCode } from './errors.js'

/**
 * Tokenizer of the expression subset. Constructs outside the subset that a process admin is
 * likely to try (arithmetic, calls, indexes, ternaries…) come out as `unsupported` tokens so the
 * linter can name every one of them; only text that is not JUEL at all throws here.
 */

export type TokenKind =
  'identifier' | 'keyword' | 'number' | 'string' | 'punctuator' | 'unsupported' | 'eof'

export interface Token {
  readonly kind: TokenKind
  /** Raw text as written (string tokens: with quotes). */
  readonly text: string
  /** Decoded value of number and string tokens. */
  readonly value?: string | number
  /** 0-based offset in the original source. */
  readonly position: number
  /** Why an `unsupported` token is outside the subset. */
  readonly code?: ExpressionErrorCode
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'true',
  'false',
  'null',
  'empty',
])

/** JUEL reserved words we do not support; they can never be variable names either. */
const UNSUPPORTED_KEYWORDS: ReadonlyMap<string, ExpressionErrorCode> = new Map([
  ['div', 'E_EXPR_ARITHMETIC'],
  ['mod', 'E_EXPR_ARITHMETIC'],
  ['instanceof', 'E_EXPR_INSTANCEOF'],
])

const PUNCTUATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '.', '(', ')']

/** Longest first, so `->` and `+=` win over `-` and `+`. */
const UNSUPPORTED_PUNCTUATORS: ReadonlyArray<readonly [string, ExpressionErrorCode]> = [
  ['->', 'E_EXPR_LAMBDA'],
  ['+=', 'E_EXPR_ARITHMETIC'],
  ['+', 'E_EXPR_ARITHMETIC'],
  ['-', 'E_EXPR_ARITHMETIC'],
  ['*', 'E_EXPR_ARITHMETIC'],
  ['/', 'E_EXPR_ARITHMETIC'],
  ['%', 'E_EXPR_ARITHMETIC'],
  ['?', 'E_EXPR_TERNARY'],
  [':', 'E_EXPR_TERNARY'],
  ['[', 'E_EXPR_INDEX_ACCESS'],
  [']', 'E_EXPR_INDEX_ACCESS'],
  ['{', 'E_EXPR_COLLECTION_LITERAL'],
  ['}', 'E_EXPR_COLLECTION_LITERAL'],
  ['=', 'E_EXPR_ASSIGNMENT'],
  [';', 'E_EXPR_STATEMENT_SEPARATOR'],
  [',', 'E_EXPR_UNEXPECTED_TOKEN'],
]

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])
const IDENTIFIER_START = /[A-Za-z_]/
const IDENTIFIER_PART = /[A-Za-z0-9_]/
const DIGIT = /[0-9]/

/** Chinese input methods produce these easily; point at the ASCII character meant. */
function asciiTwin(char: string): string | undefined {
  const code = char.codePointAt(0) ?? 0
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0)
  if (code === 0x3000) return ' '
  if (code === 0x2018 || code === 0x2019) return "'"
  if (code === 0x201c || code === 0x201d) return '"'
  return undefined
}

export function tokenize(body: string, offset: number): Token[] {
  const tokens: Token[] = []
  let index = 0

  const fail = (at: number, code: ExpressionErrorCode, zh: string, en: string): never => {
    throw new ExpressionSyntaxError(code, offset + at, zh, en)
  }

  const readNumber = (start: number): Token => {
    let end = start
    while (end < body.length && DIGIT.test(body[end])) end++
    if (body[end] === '.') {
      end++
      if (!DIGIT.test(body[end] ?? '')) {
        fail(
          end,
          'E_EXPR_INVALID_NUMBER',
          '小数点后缺少数字',
          'digits expected after the decimal point'
        )
      }
      while (end < body.length && DIGIT.test(body[end])) end++
    }
    if (end < body.length && IDENTIFIER_PART.test(body[end])) {
      fail(
        start,
        'E_EXPR_INVALID_NUMBER',
        '数字格式不受支持（只允许 12 或 12.5 这样的写法）',
        'unsupported number format (only forms like 12 or 12.5)'
      )
    }
    const text = body.slice(start, end)
    const value = Number(text)
    if (!text.includes('.') && !Number.isSafeInteger(value)) {
      fail(start, 'E_EXPR_INVALID_NUMBER', '整数超出范围', 'integer out of range')
    }
    return { kind: 'number', text, value, position: offset + start }
  }

  // JUEL accepts only \\ and an escaped copy of the enclosing quote; anything else is a scan error there too.
  const readString = (start: number): Token => {
    const quote = body[start]
    let value = ''
    let cursor = start + 1
    while (cursor < body.length) {
      const char = body[cursor]
      if (char === quote) {
        return {
          kind: 'string',
          text: body.slice(start, cursor + 1),
          value,
          position: offset + start,
        }
      }
      if (char === '\\') {
        const next = body[cursor + 1]
        if (next !== '\\' && next !== quote) {
          fail(
            cursor,
            'E_EXPR_INVALID_ESCAPE',
            `无效的转义序列，只允许 \\\\ 和 \\${quote}`,
            `invalid escape sequence, only \\\\ and \\${quote} are allowed`
          )
        }
        value += next
        cursor += 2
        continue
      }
      value += char
      cursor++
    }
    return fail(
      start,
      'E_EXPR_UNTERMINATED_STRING',
      '字符串缺少结束引号',
      'unterminated string literal'
    )
  }

  while (index < body.length) {
    const unit = body[index]
    if (WHITESPACE.has(unit)) {
      index++
      continue
    }

    if (IDENTIFIER_START.test(unit)) {
      let end = index + 1
      while (end < body.length && IDENTIFIER_PART.test(body[end])) end++
      const text = body.slice(index, end)
      const unsupported = UNSUPPORTED_KEYWORDS.get(text)
      if (unsupported) {
        tokens.push({ kind: 'unsupported', text, position: offset + index, code: unsupported })
      } else {
        tokens.push({
          kind: KEYWORDS.has(text) ? 'keyword' : 'identifier',
          text,
          position: offset + index,
        })
      }
      index = end
      continue
    }

    if (DIGIT.test(unit)) {
      const token = readNumber(index)
      tokens.push(token)
      index += token.text.length
      continue
    }

    if (unit === '.' && DIGIT.test(body[index + 1] ?? '')) {
      fail(index, 'E_EXPR_INVALID_NUMBER', '小数需写成 0.5 的形式', 'write decimals as 0.5, not .5')
    }

    if (unit === "'" || unit === '"') {
      const token = readString(index)
      tokens.push(token)
      index += token.text.length
      continue
    }

    const punctuator = PUNCTUATORS.find((candidate) => body.startsWith(candidate, index))
    if (punctuator) {
      tokens.push({ kind: 'punctuator', text: punctuator, position: offset + index })
      index += punctuator.length
      continue
    }

    const unsupported = UNSUPPORTED_PUNCTUATORS.find(([text]) => body.startsWith(text, index))
    if (unsupported) {
      const [text, code] = unsupported
      tokens.push({ kind: 'unsupported', text, position: offset + index, code })
      index += text.length
      continue
    }

    // Report whole code points so an emoji is not shown as half a surrogate pair.
    const char = String.fromCodePoint(body.codePointAt(index) ?? 0)
    const twin = asciiTwin(char)
    if (twin !== undefined) {
      fail(
        index,
        'E_EXPR_FULL_WIDTH_CHARACTER',
        `全角字符「${char}」，请改用半角「${twin}」`,
        `full-width character '${char}', use ASCII '${twin}'`
      )
    }
    if ((char === '$' || char === '#') && body[index + 1] === '{') {
      fail(
        index,
        'E_EXPR_WRAPPER',
        '只能有一个 ${…}，请用 && 或 || 连接条件',
        'only one ${…} is allowed, join conditions with && or ||'
      )
    }
    if (char === '&' || char === '|') {
      fail(index, 'E_EXPR_UNEXPECTED_CHARACTER', `请使用 ${char}${char}`, `use ${char}${char}`)
    }
    if (/\p{L}/u.test(char)) {
      fail(
        index,
        'E_EXPR_UNEXPECTED_CHARACTER',
        `变量名只能使用英文字母、数字和下划线，不能包含「${char}」`,
        `variable names are limited to ASCII letters, digits and _ (found '${char}')`
      )
    }
    fail(
      index,
      'E_EXPR_UNEXPECTED_CHARACTER',
      `无法识别的字符「${char}」`,
      `unexpected character '${char}'`
    )
  }

  tokens.push({ kind: 'eof', text: '', position: offset + body.length })
  return tokens
}
