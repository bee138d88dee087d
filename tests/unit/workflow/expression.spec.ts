import { test } from '@japa/runner'
import {
  ExpressionSyntaxError,
  ExpressionTypeError,
  UnknownPropertyError,
  UnknownVariableError,
  evaluate,
  evaluateCondition,
  lintExpression,
  parseExpression,
  referencedPaths,
  referencedVariables,
  type ExpressionErrorCode,
  type ExpressionNode,
} from '../../../app/workflow/expression.js'

/** Compact prefix form of an AST so precedence reads at a glance. */
function sexpr(node: ExpressionNode): string {
  switch (node.type) {
    case 'literal':
      return JSON.stringify(node.value)
    case 'variable':
      return node.name
    case 'member':
      return `${sexpr(node.object)}.${node.property}`
    case 'unary':
      return `(${node.operator} ${sexpr(node.operand)})`
    case 'logical':
    case 'comparison':
      return `(${node.operator} ${sexpr(node.left)} ${sexpr(node.right)})`
  }
}

/** The error `action` throws; fails the test when it returns normally. */
function caught(action: () => unknown): unknown {
  try {
    action()
  } catch (error) {
    return error
  }
  throw new Error('expected an error, none was thrown')
}

function syntaxErrorOf(source: string): ExpressionSyntaxError {
  const error = caught(() => parseExpression(source))
  if (error instanceof ExpressionSyntaxError) return error
  throw error
}

const VARIABLES = {
  approved: true,
  rejected: false,
  level: 'important',
  count: 5,
  ratio: 0.5,
  nothing: null,
  blank: '',
  yes: 'TRUE',
  owners: ['a'],
  none: [],
  request: { maxGrade: 3, owner: { dept: 'env' }, parent: null, tags: [], meta: {} },
}

test.group('Expression | parsing and precedence', () => {
  const cases: Array<[string, string]> = [
    ['${approved}', 'approved'],
    ['#{approved}', 'approved'],
    ['  ${ approved }\n', 'approved'],
    ["${level == 'important'}", '(eq level "important")'],
    ['${a || b && c}', '(or a (and b c))'],
    ['${a or b and c}', '(or a (and b c))'],
    ['${(a || b) && c}', '(and (or a b) c)'],
    ['${a && b && c}', '(and (and a b) c)'],
    ['${!a == b}', '(eq (not a) b)'],
    ['${not a && b}', '(and (not a) b)'],
    ['${a == b < c}', '(eq a (lt b c))'],
    ['${a < b == c ge d}', '(eq (lt a b) (ge c d))'],
    ['${not empty request.owners}', '(not (empty request.owners))'],
    ['${!!a}', '(not (not a))'],
    [
      '${x eq 1 and y ne 2.5 or z lt 3 and w gt 4 or v le 5 and u ge 6}',
      '(or (or (and (eq x 1) (ne y 2.5)) (and (lt z 3) (gt w 4))) (and (le v 5) (ge u 6)))',
    ],
    ['${a.b.c != null}', '(ne a.b.c null)'],
    ['${true != false}', '(ne true false)'],
  ]
  for (const [source, expected] of cases) {
    test(`parses ${source.trim()}`, ({ assert }) => {
      assert.equal(sexpr(parseExpression(source)), expected)
    })
  }

  test('records positions in the original source and freezes the AST', ({ assert }) => {
    const ast = parseExpression('  ${ a && request.maxGrade }')
    assert.isTrue(Object.isFrozen(ast))
    assert.equal(ast.type, 'logical')
    if (ast.type !== 'logical') return
    assert.equal(ast.left.position, 5)
    assert.equal(ast.right.position, 10)
  })

  test('decodes string literals with JUEL escapes', ({ assert }) => {
    const strings: Array<[string, string]> = [
      ["${'it\\'s'}", "it's"],
      ['${"say \\"hi\\""}', 'say "hi"'],
      ["${'back\\\\slash'}", 'back\\slash'],
      ["${'a\"b'}", 'a"b'],
      ['${"a\'b"}', "a'b"],
      ["${'}'}", '}'],
      ["${'数据共享'}", '数据共享'],
      ["${''}", ''],
    ]
    for (const [source, value] of strings) {
      assert.strictEqual(evaluate(source, {}), value, source)
    }
  })

  test('reads numbers as JSON-like numbers', ({ assert }) => {
    assert.strictEqual(evaluate('${12}', {}), 12)
    assert.strictEqual(evaluate('${12.25}', {}), 12.25)
    assert.strictEqual(evaluate('${007}', {}), 7)
  })
})

test.group('Expression | syntax errors', () => {
  const longSource = '${' + 'a || '.repeat(500) + 'a}'
  const cases: Array<[string, ExpressionErrorCode, number]> = [
    ['approved', 'E_EXPR_WRAPPER', 0],
    ['${approved', 'E_EXPR_WRAPPER', 10],
    ['x ${approved}', 'E_EXPR_WRAPPER', 0],
    ['${a} && ${b}', 'E_EXPR_WRAPPER', 8],
    ['${ }', 'E_EXPR_EMPTY', 2],
    ['${a &&}', 'E_EXPR_UNEXPECTED_TOKEN', 6],
    ['${(a}', 'E_EXPR_UNEXPECTED_TOKEN', 4],
    ['${a b}', 'E_EXPR_UNEXPECTED_TOKEN', 4],
    ['${a.empty}', 'E_EXPR_UNEXPECTED_TOKEN', 4],
    ["${'a'.length}", 'E_EXPR_UNEXPECTED_TOKEN', 5],
    ["${'abc}", 'E_EXPR_UNTERMINATED_STRING', 2],
    ["${'\\n'}", 'E_EXPR_INVALID_ESCAPE', 3],
    ["${'\\\"'}", 'E_EXPR_INVALID_ESCAPE', 3],
    ['${a < b < c}', 'E_EXPR_CHAINED_COMPARISON', 8],
    ['${a == b != c}', 'E_EXPR_CHAINED_COMPARISON', 9],
    ['${1.}', 'E_EXPR_INVALID_NUMBER', 4],
    ['${.5}', 'E_EXPR_INVALID_NUMBER', 2],
    ['${1e5}', 'E_EXPR_INVALID_NUMBER', 2],
    ['${9007199254740993}', 'E_EXPR_INVALID_NUMBER', 2],
    ['${a & b}', 'E_EXPR_UNEXPECTED_CHARACTER', 4],
    ['${a@b}', 'E_EXPR_UNEXPECTED_CHARACTER', 3],
    ['${申请人}', 'E_EXPR_UNEXPECTED_CHARACTER', 2],
    ['${（a）}', 'E_EXPR_FULL_WIDTH_CHARACTER', 2],
    ['${a　&& b}', 'E_EXPR_FULL_WIDTH_CHARACTER', 3],
    ['${a + 1}', 'E_EXPR_ARITHMETIC', 4],
    ['${a()}', 'E_EXPR_METHOD_CALL', 2],
    ['${request.__proto__}', 'E_EXPR_FORBIDDEN_PROPERTY', 10],
    ['${constructor}', 'E_EXPR_FORBIDDEN_PROPERTY', 2],
    ['${task.name}', 'E_EXPR_RESERVED_NAME', 2],
    [longSource, 'E_EXPR_TOO_LONG', 2000],
    ['${' + '('.repeat(65) + 'a' + ')'.repeat(65) + '}', 'E_EXPR_TOO_DEEP', 66],
    ['${' + '!'.repeat(65) + 'a}', 'E_EXPR_TOO_DEEP', 66],
  ]
  for (const [source, code, position] of cases) {
    test(`rejects ${source.slice(0, 40)} with ${code} at ${position}`, ({ assert }) => {
      const error = syntaxErrorOf(source)
      assert.equal(error.code, code)
      assert.equal(error.position, position)
    })
  }

  test('accepts exactly the maximum nesting depth', ({ assert }) => {
    assert.isTrue(evaluate('${' + '('.repeat(64) + 'a' + ')'.repeat(64) + '}', { a: true }))
  })

  test('explains the error in Chinese and English with a 1-based character number', ({
    assert,
  }) => {
    const error = syntaxErrorOf('${a < b < c}')
    assert.include(error.messageZh, '连续比较')
    assert.include(error.messageEn, 'chained comparison')
    assert.include(error.message, '第 9 个字符')
    assert.include(error.message, 'at character 9')
  })
})

test.group('Expression | evaluation', () => {
  const cases: Array<[string, boolean]> = [
    ['${approved}', true],
    ['${!approved}', false],
    ['${not approved}', false],
    ["${level == 'important'}", true],
    ['${level eq "important"}', true],
    ["${level != 'important'}", false],
    ["${level ne 'normal'}", true],
    ['${count < 6 && count lt 6}', true],
    ['${count <= 5 and count le 5}', true],
    ['${count > 5 || count gt 5}', false],
    ['${count >= 5 or count ge 6}', true],
    ['${rejected || approved}', true],
    ['${rejected && approved}', false],
    ['${request.maxGrade >= 3}', true],
    ["${request.owner.dept == 'env'}", true],
    ['${request.parent.name == null}', true],
    ['${nothing == null}', true],
    ['${nothing != null}', false],
    // JUEL coercions
    ["${count == '5'}", true],
    ["${ratio == '0.5'}", true],
    ['${blank == 0}', true],
    ["${approved == 'TRUE'}", true],
    ["${rejected == 'yes'}", true],
    ["${'10' < 9}", false],
    ["${'B' < 'a'}", true],
    ["${'abc' < 'abd'}", true],
    ['${false < true}', true],
    ['${nothing <= nothing}', true],
    ['${nothing < nothing}', false],
    ['${nothing < 1}', false],
    ['${count >= nothing}', false],
    ['${owners == owners}', true],
    ['${!yes}', false],
    ["${!'yes'}", true],
    ['${!nothing}', true],
    ['${!blank}', true],
    ["${'true' && yes}", true],
    // empty
    ['${empty nothing}', true],
    ['${empty blank}', true],
    ['${empty none}', true],
    ['${empty request.meta}', true],
    ['${empty owners}', false],
    ['${empty level}', false],
    ['${empty count}', false],
    ['${empty rejected}', false],
    ['${empty request}', false],
  ]
  for (const [source, expected] of cases) {
    test(`${source} is ${expected}`, ({ assert }) => {
      assert.strictEqual(evaluateCondition(source, VARIABLES), expected)
    })
  }

  test('short-circuits like JUEL, so the skipped side may name a missing variable', ({
    assert,
  }) => {
    assert.isFalse(evaluateCondition('${rejected && missing}', VARIABLES))
    assert.isTrue(evaluateCondition('${approved || missing}', VARIABLES))
    assert.throws(
      () => evaluateCondition('${approved && missing}', VARIABLES),
      UnknownVariableError
    )
  })

  test('throws UnknownVariableError for a missing or undefined variable', ({ assert }) => {
    const error = caught(() => evaluateCondition('${approved && missing}', VARIABLES))
    assert.instanceOf(error, UnknownVariableError)
    assert.equal((error as UnknownVariableError).variable, 'missing')
    assert.throws(() => evaluate('${x}', { x: undefined }), UnknownVariableError)
    assert.throws(() => evaluate('${x == null}', {}), UnknownVariableError)
    assert.isTrue(evaluate('${x == null}', { x: null }))
  })

  test('throws UnknownPropertyError naming the full path', ({ assert }) => {
    assert.throws(
      () => evaluate('${request.nope}', VARIABLES),
      UnknownPropertyError,
      /request\.nope/
    )
    assert.throws(
      () => evaluate('${request.owner.nope}', VARIABLES),
      UnknownPropertyError,
      /request\.owner\.nope/
    )
  })

  test('reads variables from a Map as well', ({ assert }) => {
    const variables = new Map<string, unknown>([
      ['approved', true],
      ['request', { maxGrade: 2 }],
    ])
    assert.isTrue(evaluateCondition('${approved && request.maxGrade == 2}', variables))
    assert.throws(() => evaluate('${missing}', variables), UnknownVariableError)
  })

  test('refuses values JUEL would compare by Java type', ({ assert }) => {
    const typeErrors = [
      ["${count == '5.5'}", VARIABLES],
      ["${count < 'abc'}", VARIABLES],
      ['${approved == 1}', VARIABLES],
      ['${approved < 1}', VARIABLES],
      ['${request == request.owner}', VARIABLES],
      ['${owners < none}', VARIABLES],
      ['${!count}', VARIABLES],
      ['${not 1}', VARIABLES],
      ['${count && approved}', VARIABLES],
      ['${when == then}', { when: new Date(), then: new Date() }],
      ['${when < then}', { when: new Date(), then: new Date() }],
    ] as const
    for (const [source, variables] of typeErrors) {
      assert.instanceOf(
        caught(() => evaluate(source, variables)),
        ExpressionTypeError,
        source
      )
    }
  })

  test('allows property access only on plain objects', ({ assert }) => {
    class Request {
      maxGrade = 3
    }
    assert.throws(() => evaluate('${level.length}', VARIABLES), ExpressionTypeError)
    assert.throws(() => evaluate('${owners.length}', VARIABLES), ExpressionTypeError)
    assert.throws(
      () => evaluate('${request.maxGrade}', { request: new Request() }),
      ExpressionTypeError
    )
    assert.equal(
      evaluate('${request.maxGrade}', {
        request: Object.assign(Object.create(null), { maxGrade: 4 }),
      }),
      4
    )
  })

  test('never reaches prototypes, globals or getters', ({ assert }) => {
    assert.throws(() => evaluate('${request.toString}', VARIABLES), UnknownPropertyError)
    assert.throws(() => evaluate('${hasOwnProperty}', {}), UnknownVariableError)
    assert.throws(() => evaluate('${process}', {}), UnknownVariableError)
    assert.throws(() => evaluate('${globalThis}', {}), UnknownVariableError)
    assert.throws(() => evaluate('${request.constructor}', VARIABLES), ExpressionSyntaxError)
    assert.throws(() => evaluate('${a.prototype}', { a: {} }), ExpressionSyntaxError)
    const polluted = JSON.parse('{"request": {"__proto__": {"admin": true}}}')
    assert.throws(() => evaluate('${request.__proto__.admin}', polluted), ExpressionSyntaxError)
    assert.throws(() => evaluate('${request.admin}', polluted), UnknownPropertyError)

    let getterRan = false
    const variables = Object.defineProperty({}, 'secret', {
      enumerable: true,
      get: () => {
        getterRan = true
        return true
      },
    })
    assert.throws(() => evaluate('${secret}', variables), ExpressionTypeError)
    assert.isFalse(getterRan)
    assert.throws(() => evaluate('${fn}', { fn: () => true }), ExpressionTypeError)
  })

  test('checks forbidden names again on hand-built ASTs', ({ assert }) => {
    const ast: ExpressionNode = {
      type: 'member',
      object: { type: 'variable', name: 'request', position: 0 },
      property: '__proto__',
      position: 0,
    }
    assert.throws(() => evaluate(ast, VARIABLES), ExpressionTypeError)
  })

  test('requires a boolean result from a condition, unlike evaluate', ({ assert }) => {
    assert.strictEqual(evaluate('${request.maxGrade}', VARIABLES), 3)
    assert.strictEqual(evaluate('${nothing}', VARIABLES), null)
    for (const source of ['${yes}', '${nothing}', '${count}', "${'true'}", '${request}']) {
      assert.instanceOf(
        caught(() => evaluateCondition(source, VARIABLES)),
        ExpressionTypeError,
        source
      )
    }
  })

  test('evaluates a parsed AST against several variable sets', ({ assert }) => {
    const ast = parseExpression("${request.maxGrade >= 3 || level == 'important'}")
    assert.isTrue(evaluateCondition(ast, { request: { maxGrade: 4 }, level: 'normal' }))
    assert.isFalse(evaluateCondition(ast, { request: { maxGrade: 1 }, level: 'normal' }))
    assert.throws(() => evaluate(ast, null as never), ExpressionTypeError)
  })
})

test.group('Expression | lint', () => {
  test('accepts the expressions of our processes', ({ assert }) => {
    for (const source of [
      '${approved}',
      "${request.maxGrade == 'important' || request.anySecret}",
      '${!empty request.conditionalDatasets and not request.autoApprovable}',
      '#{count >= 3}',
    ]) {
      assert.deepEqual(lintExpression(source, { expect: 'boolean' }), [], source)
    }
  })

  const rejections: Array<[string, ExpressionErrorCode[]]> = [
    ['${foo.bar()}', ['E_EXPR_METHOD_CALL']],
    ['${isApproved()}', ['E_EXPR_METHOD_CALL']],
    ["${execution.getVariable('x')}", ['E_EXPR_RESERVED_NAME', 'E_EXPR_METHOD_CALL']],
    ['${fn:length(owners) > 0}', ['E_EXPR_TERNARY', 'E_EXPR_METHOD_CALL']],
    ['${owners[0]}', ['E_EXPR_INDEX_ACCESS']],
    ["${request['maxGrade']}", ['E_EXPR_INDEX_ACCESS']],
    ['${count + 1 > 2}', ['E_EXPR_ARITHMETIC']],
    ['${count > -1}', ['E_EXPR_ARITHMETIC']],
    ['${count * 2 / 4 % 3 == 0}', ['E_EXPR_ARITHMETIC', 'E_EXPR_ARITHMETIC', 'E_EXPR_ARITHMETIC']],
    ['${count div 2 mod 2 == 0}', ['E_EXPR_ARITHMETIC', 'E_EXPR_ARITHMETIC']],
    ["${a += 'x'}", ['E_EXPR_ARITHMETIC']],
    ['${approved ? 1 : 2}', ['E_EXPR_TERNARY']],
    ['${approved = true}', ['E_EXPR_ASSIGNMENT']],
    ['${a; b}', ['E_EXPR_STATEMENT_SEPARATOR']],
    ['${x -> x}', ['E_EXPR_LAMBDA']],
    ['${{1}}', ['E_EXPR_COLLECTION_LITERAL']],
    ['${a instanceof b}', ['E_EXPR_INSTANCEOF']],
    ['${a, b}', ['E_EXPR_UNEXPECTED_TOKEN']],
    ['${request.__proto__ || task}', ['E_EXPR_FORBIDDEN_PROPERTY', 'E_EXPR_RESERVED_NAME']],
    ['${a < b < c}', ['E_EXPR_CHAINED_COMPARISON']],
    ['approved', ['E_EXPR_WRAPPER']],
  ]
  for (const [source, codes] of rejections) {
    test(`rejects ${source}`, ({ assert }) => {
      assert.deepEqual(
        lintExpression(source).map((problem) => problem.code),
        codes
      )
    })
  }

  test('reports every problem with its position and both languages', ({ assert }) => {
    const problems = lintExpression('${a[0] + b.c()}')
    assert.deepEqual(
      problems.map(({ code, position }) => [code, position]),
      [
        ['E_EXPR_INDEX_ACCESS', 3],
        ['E_EXPR_ARITHMETIC', 7],
        ['E_EXPR_METHOD_CALL', 11],
      ]
    )
    assert.include(problems[2].messageZh, 'b.c(…)')
    assert.include(problems[2].messageEn, 'not supported')
  })

  test('refuses a literal that cannot be a condition only when a boolean is expected', ({
    assert,
  }) => {
    assert.deepEqual(lintExpression("${'yes'}").length, 0)
    assert.deepEqual(
      lintExpression("${'yes'}", { expect: 'boolean' }).map((p) => p.code),
      ['E_EXPR_NOT_BOOLEAN']
    )
    assert.deepEqual(
      lintExpression('${null}', { expect: 'boolean' }).map((p) => p.code),
      ['E_EXPR_NOT_BOOLEAN']
    )
    assert.deepEqual(lintExpression('${true}', { expect: 'boolean' }), [])
  })

  test('accepts exactly what the parser accepts', ({ assert }) => {
    const corpus = [
      '${a}',
      '${a.b()}',
      '${a[0]}',
      '${a + b}',
      '${(a}',
      '${a b}',
      "${'x}",
      '${a.empty}',
      '${a < b < c}',
      '${empty (a)}',
      '${not(a)}',
      '${(a).b}',
      '${a.b.c}',
      '${1.}',
      '${task}',
      '${a.task}',
      '${ }',
      '${a}}',
      '${a.constructor}',
      '${!}',
      '${a == }',
      '${a &&& b}',
      '${a ||| b}',
      '${a !== b}',
      '${a <> b}',
    ]
    for (const source of corpus) {
      let parses = true
      try {
        parseExpression(source)
      } catch (error) {
        if (!(error instanceof ExpressionSyntaxError)) throw error
        parses = false
      }
      assert.equal(lintExpression(source).length === 0, parses, source)
    }
  })

  test('lists referenced variables and paths in order of first use', ({ assert }) => {
    const source =
      '${request.maxGrade > 2 && (approved || request.owner.dept == level) && !approved}'
    assert.deepEqual(referencedVariables(source), ['request', 'approved', 'level'])
    assert.deepEqual(referencedPaths(source), [
      'request.maxGrade',
      'approved',
      'request.owner.dept',
      'level',
    ])
    assert.deepEqual(referencedVariables("${'only a literal'}"), [])
  })
})
