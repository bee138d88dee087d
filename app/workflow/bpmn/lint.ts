import { existsSync } from 'node:fs'
import { lintExpression } from '#workflow/expression'
import { BpmnParseException, readDefinitions, type ModdleElement } from '#workflow/bpmn/moddle'
import { InvalidDefinitionException } from '#workflow/port'
import {
  isExpressionText,
  processModelsOf,
  readProcessModels,
  splitCandidates,
  type ActivityInfo,
} from '#workflow/bpmn/model'
import { stockRuleProblems } from '#workflow/bpmn/stock_rules'

export interface LintProblem {
  element: string
  message: string
}

export interface LintContext {
  /** Topics that have a handler (workflows/registry.ts). */
  topics: ReadonlySet<string>
  /** True when forms/<formKey>.json exists. */
  hasForm(formKey: string): boolean
}

/** Default context: topics from the registry, forms from the forms/ folder. */
export function formsFolderLookup(formsDir: URL): (formKey: string) => boolean {
  return (formKey) =>
    /^[a-z0-9_]+$/.test(formKey) && existsSync(new URL(`${formKey}.json`, formsDir))
}

/*
 * The deploy gate: everything both engines must agree on before a definition runs.
 * bpmnlint's stock rules check BPMN shape; these check what is specific to our platform.
 */
export async function lintBpmn(xml: string, context: LintContext): Promise<LintProblem[]> {
  let root: ModdleElement
  try {
    ;({ root } = await readDefinitions(xml))
  } catch (error) {
    if (error instanceof BpmnParseException)
      return [{ element: 'definitions', message: error.message }]
    throw error
  }
  const executable = processModelsOf(root).filter((p) => p.isExecutable)
  if (executable.length !== 1) {
    return [{ element: 'definitions', message: 'exactly one executable process is required' }]
  }
  const process = executable[0]
  const problems: LintProblem[] = await stockRuleProblems(root)
  if (!process.hasDiagram)
    problems.push({ element: process.key, message: 'no diagram layout (BPMNDiagram)' })
  for (const activity of process.activities.values())
    problems.push(...lintActivity(activity, context))
  for (const flow of process.flows) {
    if (flow.condition !== null)
      problems.push(...expressionProblems(flow.id, 'condition', flow.condition, true))
  }
  return problems
}

function lintActivity(activity: ActivityInfo, context: LintContext): LintProblem[] {
  const problems: LintProblem[] = []
  const add = (message: string) => problems.push({ element: activity.id, message })
  if (activity.type === 'bpmn:UserTask') {
    if (!activity.assignee && !activity.candidateUsers && !activity.candidateGroups) {
      add('user task has no assignee, candidateUsers or candidateGroups')
    }
    if (!activity.formKey) add('user task has no camunda:formKey')
  }
  if (activity.formKey && !context.hasForm(activity.formKey)) {
    add(`form schema forms/${activity.formKey}.json does not exist`)
  }
  if (activity.type === 'bpmn:ServiceTask' || activity.type === 'bpmn:SendTask') {
    if (!activity.external) add('service tasks must be camunda:type="external"')
    else if (!activity.topic) add('external task has no camunda:topic')
    else if (!context.topics.has(activity.topic))
      add(`unknown topic "${activity.topic}" (not in workflows/registry.ts)`)
  }
  if (activity.type === 'bpmn:ScriptTask')
    add('script tasks are not allowed; use an external-task topic')
  if (activity.type === 'bpmn:BoundaryEvent' && activity.timer === null && !activity.attachedTo)
    add('boundary event is not attached')
  const candidates = [
    ...(activity.assignee ? [activity.assignee] : []),
    ...splitCandidates(activity.candidateUsers),
    ...splitCandidates(activity.candidateGroups),
  ]
  for (const entry of candidates) {
    if (isExpressionText(entry) || entry.includes('{'))
      problems.push(...expressionProblems(activity.id, 'candidate', entry, false))
  }
  for (const [label, text] of [
    ['dueDate', activity.dueDate],
    ['followUpDate', activity.followUpDate],
    ['timer', activity.timer?.value ?? null],
  ] as const) {
    if (text && text.includes('{'))
      problems.push(...expressionProblems(activity.id, label, text, false))
  }
  if (activity.loop) {
    if (activity.loop.collection)
      problems.push(
        ...expressionProblems(activity.id, 'collection', activity.loop.collection, false)
      )
    if (activity.loop.completionCondition) {
      problems.push(
        ...expressionProblems(
          activity.id,
          'completionCondition',
          activity.loop.completionCondition,
          true
        )
      )
    }
  }
  return problems
}

function expressionProblems(
  element: string,
  label: string,
  text: string,
  isCondition: boolean
): LintProblem[] {
  return lintExpression(text, { expect: isCondition ? 'boolean' : 'any' }).map((problem) => ({
    element,
    message: `${label} "${text}": ${problem.messageEn}`,
  }))
}

/** The key of the definition's one executable process; both adapters deploy nothing else. */
export async function deployableKey(xml: string): Promise<string> {
  const { processes } = await readProcessModels(xml)
  const executable = processes.filter((p) => p.isExecutable)
  if (executable.length !== 1)
    throw new InvalidDefinitionException([
      { element: 'definitions', message: 'exactly one executable process is required' },
    ])
  return executable[0].key
}
