import { readDefinitions, type ModdleElement } from '#workflow/bpmn/moddle'

/*
 * What the app needs to know about a process, read once from the XML: the engine-neutral view
 * used by the lint, the embedded adapter (task attributes, timers) and later the route preview.
 */
export interface LoopInfo {
  collection: string | null
  elementVariable: string | null
  completionCondition: string | null
  isSequential: boolean
}

export interface TimerInfo {
  kind: 'timeDate' | 'timeDuration' | 'timeCycle'
  value: string
}

export interface ActivityInfo {
  id: string
  type: string
  name: string | null
  assignee: string | null
  candidateUsers: string | null
  candidateGroups: string | null
  dueDate: string | null
  followUpDate: string | null
  formKey: string | null
  external: boolean
  topic: string | null
  loop: LoopInfo | null
  timer: TimerInfo | null
  attachedTo: string | null
  properties: Record<string, string>
  incoming: string[]
  outgoing: string[]
}

export interface FlowInfo {
  id: string
  sourceId: string
  targetId: string
  condition: string | null
}

export interface ProcessModel {
  key: string
  name: string
  isExecutable: boolean
  startFormKey: string | null
  activities: Map<string, ActivityInfo>
  flows: FlowInfo[]
  hasDiagram: boolean
  errorCodes: string[]
}

export async function readProcessModels(
  xml: string
): Promise<{ processes: ProcessModel[]; warnings: string[]; context: unknown }> {
  const { root, warnings, context } = await readDefinitions(xml)
  return { processes: processModelsOf(root), warnings, context }
}

export function processModelsOf(root: ModdleElement): ProcessModel[] {
  const errorCodes = (root.rootElements ?? [])
    .filter((element: ModdleElement) => element.$type === 'bpmn:Error')
    .map((element: ModdleElement) => String(element.errorCode ?? ''))
  const diagrams: ModdleElement[] = root.diagrams ?? []
  return (root.rootElements ?? [])
    .filter((element: ModdleElement) => element.$type === 'bpmn:Process')
    .map((process: ModdleElement) => toProcessModel(process, errorCodes, diagrams))
}

function toProcessModel(
  process: ModdleElement,
  errorCodes: string[],
  diagrams: ModdleElement[]
): ProcessModel {
  const activities = new Map<string, ActivityInfo>()
  const flows: FlowInfo[] = []
  collectElements(process.flowElements ?? [], activities, flows)
  const start = [...activities.values()].find((a) => a.type === 'bpmn:StartEvent')
  return {
    key: process.id!,
    name: process.name ?? process.id!,
    isExecutable: process.isExecutable !== false,
    startFormKey: start?.formKey ?? null,
    activities,
    flows,
    hasDiagram: diagrams.some(
      (diagram) =>
        diagram.plane?.bpmnElement?.id === process.id && diagram.plane.planeElement?.length
    ),
    errorCodes,
  }
}

function collectElements(
  elements: ModdleElement[],
  activities: Map<string, ActivityInfo>,
  flows: FlowInfo[]
) {
  for (const element of elements) {
    if (element.$type === 'bpmn:SequenceFlow') {
      flows.push({
        id: element.id!,
        sourceId: element.sourceRef?.id,
        targetId: element.targetRef?.id,
        condition: element.conditionExpression?.body?.trim() ?? null,
      })
      continue
    }
    activities.set(element.id!, toActivity(element))
    if (element.$type === 'bpmn:SubProcess')
      collectElements(element.flowElements ?? [], activities, flows)
  }
}

function toActivity(element: ModdleElement): ActivityInfo {
  const loop = element.loopCharacteristics
  return {
    id: element.id!,
    type: element.$type,
    name: element.name ?? null,
    assignee: element.assignee ?? null,
    candidateUsers: element.candidateUsers ?? null,
    candidateGroups: element.candidateGroups ?? null,
    dueDate: element.dueDate ?? null,
    followUpDate: element.followUpDate ?? null,
    formKey: element.formKey ?? null,
    external: element.type === 'external',
    topic: element.topic ?? null,
    loop: loop
      ? {
          collection: loop.collection ?? null,
          elementVariable: loop.elementVariable ?? null,
          completionCondition: loop.completionCondition?.body?.trim() ?? null,
          isSequential: Boolean(loop.isSequential),
        }
      : null,
    timer: timerOf(element),
    attachedTo: element.attachedToRef?.id ?? null,
    properties: propertiesOf(element),
    incoming: (element.incoming ?? []).map((flow: ModdleElement) => flow.id),
    outgoing: (element.outgoing ?? []).map((flow: ModdleElement) => flow.id),
  }
}

function timerOf(element: ModdleElement): TimerInfo | null {
  const definition = (element.eventDefinitions ?? []).find(
    (d: ModdleElement) => d.$type === 'bpmn:TimerEventDefinition'
  )
  if (!definition) return null
  for (const kind of ['timeDate', 'timeDuration', 'timeCycle'] as const) {
    const body = definition[kind]?.body
    if (typeof body === 'string') return { kind, value: body.trim() }
  }
  return null
}

function propertiesOf(element: ModdleElement): Record<string, string> {
  const result: Record<string, string> = {}
  for (const extension of element.extensionElements?.values ?? []) {
    if (extension.$type !== 'camunda:Properties') continue
    for (const property of extension.values ?? []) {
      if (property.name) result[property.name] = String(property.value ?? '')
    }
  }
  return result
}

/** Splits a candidate list ("role:a, ${group}") into entries; each is a literal or one whole expression. */
export function splitCandidates(text: string | null): string[] {
  if (!text) return []
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
}

export function isExpressionText(text: string): boolean {
  return /^\s*[$#]\{/.test(text)
}
