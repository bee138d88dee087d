/**
 * AST of the expression subset. Operators are stored under one canonical name whatever spelling
 * the source used (`&&`/`and`, `==`/`eq`, `!`/`not`…). `position` is the 0-based offset of the
 * node's first character in the original source, wrapper included.
 */

export type LiteralValue = string | number | boolean | null

export type LogicalOperator = 'and' | 'or'
export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'
export type UnaryOperator = 'not' | 'empty'

export interface LiteralNode {
  readonly type: 'literal'
  readonly value: LiteralValue
  readonly position: number
}

export interface VariableNode {
  readonly type: 'variable'
  readonly name: string
  readonly position: number
}

export interface MemberNode {
  readonly type: 'member'
  readonly object: ExpressionNode
  readonly property: string
  readonly position: number
}

export interface UnaryNode {
  readonly type: 'unary'
  readonly operator: UnaryOperator
  readonly operand: ExpressionNode
  readonly position: number
}

export interface LogicalNode {
  readonly type: 'logical'
  readonly operator: LogicalOperator
  readonly left: ExpressionNode
  readonly right: ExpressionNode
  readonly position: number
}

export interface ComparisonNode {
  readonly type: 'comparison'
  readonly operator: ComparisonOperator
  readonly left: ExpressionNode
  readonly right: ExpressionNode
  readonly position: number
}

export type ExpressionNode =
  LiteralNode | VariableNode | MemberNode | UnaryNode | LogicalNode | ComparisonNode

/** Dotted path of a member chain rooted at a variable (`request.maxGrade`), else undefined. */
export function memberPath(node: ExpressionNode): string | undefined {
  if (node.type === 'variable') return node.name
  if (node.type !== 'member') return undefined
  const base = memberPath(node.object)
  return base === undefined ? undefined : `${base}.${node.property}`
}
