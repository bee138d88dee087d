import { createRequire } from 'node:module'
import { BpmnModdle } from 'bpmn-moddle'

const require = createRequire(import.meta.url)

/** The camunda-bpmn-moddle descriptor: makes `camunda:` attributes first-class properties. */
export const camundaDescriptor = require('camunda-bpmn-moddle/resources/camunda.json')

export interface ModdleElement {
  $type: string
  id?: string
  name?: string
  [key: string]: any
}

export class BpmnParseException extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BpmnParseException'
  }
}

/** Parses BPMN XML into moddle definitions; unknown elements and attributes are reported as warnings. */
export async function readDefinitions(
  xml: string
): Promise<{ root: ModdleElement; warnings: string[]; context: unknown }> {
  const moddle = new BpmnModdle({ camunda: camundaDescriptor })
  try {
    const context = await moddle.fromXML(xml, 'bpmn:Definitions')
    return {
      root: context.rootElement as ModdleElement,
      warnings: context.warnings.map((w: any) => String(w.message)),
      // The whole parse result: bpmn-engine's `moddleContext` option reuses it instead of parsing again.
      context,
    }
  } catch (error) {
    throw new BpmnParseException(`BPMN XML cannot be parsed: ${(error as Error).message}`)
  }
}
