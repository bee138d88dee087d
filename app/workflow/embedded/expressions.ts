import { evaluate } from '#workflow/expression'
import type { ProcessModel } from '#workflow/bpmn/model'
import type { Variables } from '#workflow/types'

const WHOLE_EXPRESSION = /^\s*[$#]\{[\s\S]*\}\s*$/

/*
 * bpmn-engine's `expressions` option, answered by our JUEL subset only (no eval). Process
 * variables live with the adapter, not in the engine's environment, which it clones per definition.
 */
export function resolveFor(model: ProcessModel, variables: () => Variables) {
  return {
    isExpression: (text: unknown) => typeof text === 'string' && WHOLE_EXPRESSION.test(text),
    hasExpression: (text: unknown) => typeof text === 'string' && /[$#]\{/.test(text),
    resolveExpression(text: unknown, context: any) {
      if (typeof text !== 'string' || !WHOLE_EXPRESSION.test(text)) return text
      return evaluate(text, scopeOf(model, variables(), context))
    },
  }
}

/** Process variables, the multi-instance element variable and Camunda's nrOf* counters. */
export function scopeOf(model: ProcessModel, variables: Variables, context: any): Variables {
  const content = context?.content ?? {}
  const loop = model.activities.get(content.id)?.loop
  const scope: Variables = { ...variables }
  if (loop?.elementVariable && loop.elementVariable in content)
    scope[loop.elementVariable] = content[loop.elementVariable]
  const loopOutput = context?.loopOutput ?? content.loopOutput
  if (Array.isArray(loopOutput)) {
    const completed = loopOutput.filter((entry: unknown) => entry !== undefined).length
    const total = loop?.collection
      ? (evaluate(loop.collection, variables) as unknown[]).length
      : completed
    Object.assign(scope, {
      nrOfInstances: total,
      nrOfCompletedInstances: completed,
      nrOfActiveInstances: total - completed,
    })
  }
  return scope
}
