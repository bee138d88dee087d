import { createRequire } from 'node:module'
import type { ModdleElement } from '#workflow/bpmn/moddle'

const require = createRequire(import.meta.url)
const { Linter } = require('bpmnlint')
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver')

/*
 * bpmnlint's recommended rules for BPMN shape (connected, started, ended, full diagram…).
 * Labels are left to the modeler's judgement; a fake join is how both engines merge XOR paths.
 */
const config = {
  extends: 'bpmnlint:recommended',
  rules: { 'label-required': 'off', 'fake-join': 'off' },
}

export async function stockRuleProblems(
  definitions: ModdleElement
): Promise<{ element: string; message: string }[]> {
  const linter = new Linter({ config, resolver: new NodeResolver() })
  const results: Record<string, { id?: string; message: string; category: string }[]> =
    await linter.lint(definitions)
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports
      .filter((report) => report.category === 'error')
      .map((report) => ({
        element: report.id ?? 'definitions',
        message: `${report.message} (bpmnlint ${rule})`,
      }))
  )
}
