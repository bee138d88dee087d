/**
 * The JUEL subset that gateway conditions and expressions in our .bpmn files may use. The
 * embedded engine evaluates it with this module; Operaton evaluates the same text with JUEL.
 * The BPMN lint rule runs `lintExpression` on every expression at deploy time, and anything it
 * accepts, `parseExpression`/`evaluate` can run (tests hold both to that).
 *
 * FORM
 *   Exactly one `${…}` or `#{…}` around the whole text; whitespace outside it is ignored
 *   (Camunda trims). Nothing else outside, no second `${…}`. At most 2000 characters and 64
 *   levels of nesting (parentheses and unary operators).
 *
 * SUPPORTED
 *   literals     true false null; numbers 12, 12.5 (no sign, exponent, hex or `.5`);
 *                strings in '…' or "…" whose only escapes are \\ and the enclosing quote
 *                (\' in '…', \" in "…"), exactly as JUEL scans them.
 *   variables    ASCII names [A-Za-z_][A-Za-z0-9_]*, not a keyword, not one of Camunda's
 *                context objects (execution task externalTask caseExecution variableScope
 *                connector authenticatedUserId).
 *   properties   a.b.c on variables, own data properties of plain objects only; `__proto__`,
 *                `constructor`, `prototype` are refused.
 *   operators    by precedence, tightest first (same order as JUEL):
 *                  ! not empty                    unary
 *                  < > <= >= lt gt le ge          relational  (not chained: a < b < c refused)
 *                  == != eq ne                    equality    (not chained: a == b == c refused)
 *                  && and                         left-assoc, short-circuit
 *                  || or                          left-assoc, short-circuit
 *                ( ) group.
 *
 * NOT SUPPORTED (linted with a specific message; parseExpression throws ExpressionSyntaxError)
 *   method/function calls foo(), a.b(), fn:x(); index access a[0], a['b']; arithmetic
 *   + - * / % div mod (so no negative literals) and += concatenation; ?: ternary; = assignment;
 *   ; sequences; -> lambdas; {…} and […] literals; `,`; instanceof; full-width punctuation.
 *
 * EVALUATION (JUEL coercion, EL 2.2 §1.8–1.9, §1.18, for JSON-like values)
 *   - A variable that is absent (or undefined) throws UnknownVariableError, as Camunda throws
 *     "Cannot resolve identifier"; a missing property throws UnknownPropertyError. Only the
 *     short-circuited side of && / || may name a variable that does not exist.
 *   - Property access on null yields null (EL §1.6); on anything but a plain object it throws.
 *   - !, &&, || coerce to boolean: null and "" → false, a string → equalsIgnoreCase("true"),
 *     a boolean → itself, anything else → ExpressionTypeError.
 *   - == / != : identical → equal; one null → unequal; a number on either side → both as
 *     numbers ("" is 0, other strings must be numeric: integer form when the number is whole);
 *     else a boolean on either side → both as booleans; else strings compare exactly.
 *   - < <= > >= : identical → only <=, >= hold; null on either side → false; a number on
 *     either side → numeric; else a string on either side → UTF-16 lexical (Java compareTo);
 *     two booleans → false < true.
 *   - empty: true for null, "", [] and {}; false for every other value.
 *   - Objects and arrays cannot be compared (Java would call equals/compareTo) and
 *     booleans cannot be ordered against numbers: ExpressionTypeError, never a guess.
 *   - evaluateCondition requires a boolean result: null or the string "true" is an error, as
 *     in Camunda's ConditionExpression.
 *   - Nothing is executed: no eval/Function, no prototype walk, no getters.
 */

export type {
  ComparisonNode,
  ComparisonOperator,
  ExpressionNode,
  LiteralNode,
  LiteralValue,
  LogicalNode,
  LogicalOperator,
  MemberNode,
  UnaryNode,
  UnaryOperator,
  VariableNode,
} from './expression/ast.js'
export {
  ExpressionError,
  ExpressionEvaluationError,
  ExpressionSyntaxError,
  ExpressionTypeError,
  UnknownPropertyError,
  UnknownVariableError,
  type ExpressionErrorCode,
} from './expression/errors.js'
export { evaluate, evaluateCondition, type ExpressionVariables } from './expression/evaluator.js'
export {
  lintExpression,
  referencedPaths,
  referencedVariables,
  type ExpressionProblem,
  type LintOptions,
} from './expression/linter.js'
export { MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, parseExpression } from './expression/parser.js'
