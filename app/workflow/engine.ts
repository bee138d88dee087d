import { readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { formsFolderLookup, type LintContext } from '#workflow/bpmn/lint'
import { EmbeddedWorkflowEngine } from '#workflow/embedded/embedded_engine'
import { OperatonWorkflowEngine } from '#workflow/operaton/operaton_engine'
import { ExternalWorker } from '#workflow/tasks/external_worker'
import type { WorkflowPort } from '#workflow/port'
import { processFiles, topicNames, topics } from '../../workflows/registry.js'

export class UnknownWorkflowEngineException extends Error {
  constructor(kind: string) {
    super(`WORKFLOW_ENGINE="${kind}" is not supported (embedded, operaton)`)
  }
}

/** What a deploy must satisfy: topics registered in workflows/registry.ts, schemas in forms/. */
export function lintContext(): LintContext {
  return {
    topics: topicNames,
    hasForm: formsFolderLookup(pathToFileURL(app.makePath('forms') + '/')),
  }
}

/** Where the Operaton engine's REST API is (OPERATON_URL). */
export function operatonUrl() {
  return env.get('OPERATON_URL') ?? 'http://127.0.0.1:8089/engine-rest'
}

/** The adapter named by WORKFLOW_ENGINE (default embedded); every call makes a fresh one with empty memory. */
export function createWorkflowEngine(
  kind: string = env.get('WORKFLOW_ENGINE') ?? 'embedded'
): WorkflowPort {
  if (kind === 'embedded') return new EmbeddedWorkflowEngine({ lint: lintContext() })
  if (kind === 'operaton')
    return new OperatonWorkflowEngine({
      lint: lintContext(),
      baseUrl: operatonUrl(),
      user: env.get('OPERATON_USER'),
      password: env.get('OPERATON_PASSWORD'),
      clockSync: env.get('OPERATON_CLOCK_SYNC') ?? false,
    })
  throw new UnknownWorkflowEngineException(kind)
}

export function createWorker(port: WorkflowPort, workerId: string) {
  return new ExternalWorker(port, topics, workerId)
}

/** Deploys the shipped .bpmn files (unchanged files are not redeployed). */
export async function deployShippedProcesses(port: WorkflowPort) {
  const deployed = []
  for (const file of processFiles) {
    const xml = await readFile(app.makePath('workflows', file), 'utf8')
    deployed.push(await port.deploy(file, xml))
  }
  return deployed
}
