import { deployableKey, lintBpmn, type LintContext } from '#workflow/bpmn/lint'
import { KeyedLock } from '#workflow/embedded/keyed_lock'
import { OperatonHttp, isoDate, type OperatonConnection } from '#workflow/operaton/http_client'
import { isNotFound, mapped } from '#workflow/operaton/errors'
import { claimStart, releaseStart, waitForStart } from '#workflow/operaton/start_claims'
import { record } from '#workflow/operaton/timeline'
import { fromTypedVariables, toTypedVariables } from '#workflow/operaton/variables'
import {
  InstanceNotRunningException,
  InvalidDefinitionException,
  WorkflowNotFoundException,
} from '#workflow/port'
import type {
  DefinitionSummary,
  DeployedDefinition,
  InstanceStatus,
  ProcessInstance,
  StartResult,
  Variables,
} from '#workflow/types'

export interface OperatonOptions extends OperatonConnection {
  lint: LintContext
}

const STATUS: Record<string, InstanceStatus> = {
  ACTIVE: 'running',
  SUSPENDED: 'running',
  COMPLETED: 'completed',
  EXTERNALLY_TERMINATED: 'cancelled',
  INTERNALLY_TERMINATED: 'cancelled',
}

/** Definitions and process instances over /engine-rest. */
export class OperatonInstances {
  /** The REST client (tests assert on the engine's own view through it). */
  readonly rest: OperatonHttp
  /** Serialises this process's operations per task or business key (the engine guards across nodes). */
  protected readonly locks = new KeyedLock()

  constructor(protected readonly options: OperatonOptions) {
    this.rest = new OperatonHttp(options)
  }

  /** Lints like the embedded adapter, then /deployment/create with duplicate filtering per process key. */
  async deploy(name: string, bpmnXml: string): Promise<DeployedDefinition> {
    const problems = await lintBpmn(bpmnXml, this.options.lint)
    if (problems.length) throw new InvalidDefinitionException(problems)
    const key = await deployableKey(bpmnXml)
    const form = new FormData()
    form.append('deployment-name', key)
    form.append('deployment-source', name)
    form.append('enable-duplicate-filtering', 'true')
    form.append('deploy-changed-only', 'true')
    form.append('data', new Blob([bpmnXml], { type: 'application/xml' }), `${key}.bpmn`)
    const deployment = await this.rest.post('/deployment/create', form)
    const created = Object.values<any>(deployment.deployedProcessDefinitions ?? {})[0]
    const [latest] = created
      ? [created]
      : await this.rest.get<any[]>('/process-definition', { key, latestVersion: true })
    const definition = latest
    return {
      id: definition.id,
      key: definition.key,
      name: definition.name ?? key,
      version: Number(definition.version),
      created: Boolean(created),
    }
  }

  async listDefinitions(): Promise<DefinitionSummary[]> {
    const definitions = await this.rest.get<any[]>('/process-definition', {
      sortBy: 'key',
      sortOrder: 'asc',
    })
    const deployedAt = new Map<string, string | null>()
    const summaries = []
    for (const d of definitions) {
      if (!deployedAt.has(d.deploymentId)) {
        const deployment = await this.rest.get(`/deployment/${d.deploymentId}`)
        deployedAt.set(d.deploymentId, isoDate(deployment.deploymentTime))
      }
      const running = await this.rest.get('/process-instance/count', {
        processDefinitionId: d.id,
      })
      summaries.push({
        id: d.id,
        key: d.key,
        name: d.name ?? d.key,
        version: Number(d.version),
        deployedAt: deployedAt.get(d.deploymentId)!,
        runningInstances: Number(running.count),
      })
    }
    return summaries.sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version)
  }

  async getDefinitionXml(definitionId: string) {
    return mapped('definition', definitionId, async () => {
      const body = await this.rest.get(
        `/process-definition/${encodeURIComponent(definitionId)}/xml`
      )
      return String(body.bpmn20Xml)
    })
  }

  /*
   * Operaton does not make business keys unique, so a claim row in our side-effect ledger does:
   * its winner starts the instance, everyone else waits for that instance to appear.
   */
  async startByKey(
    processKey: string,
    businessKey: string,
    variables: Variables = {}
  ): Promise<StartResult> {
    return this.locks.run(`start:${processKey}:${businessKey}`, async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const existing = await this.findInstance(processKey, businessKey)
        if (existing) return { instance: existing, created: false }
        if (await claimStart(processKey, businessKey)) {
          try {
            const started = await mapped('definition', processKey, () =>
              this.rest.post(`/process-definition/key/${encodeURIComponent(processKey)}/start`, {
                businessKey,
                variables: toTypedVariables(variables),
              })
            )
            return { instance: await this.getInstance(started.id), created: true }
          } catch (error) {
            // Only a start that surely did not happen frees the claim for the next attempt.
            if (!(await this.findInstance(processKey, businessKey).catch(() => null)))
              await releaseStart(processKey, businessKey)
            throw error
          }
        }
        const winner = await waitForStart(() => this.findInstance(processKey, businessKey))
        if (winner) return { instance: winner, created: false }
        // The claim's holder died before starting anything: free its claim and try again.
        await releaseStart(processKey, businessKey)
      }
      throw new WorkflowNotFoundException('instance', `${processKey}:${businessKey}`)
    })
  }

  async getInstance(instanceId: string): Promise<ProcessInstance> {
    const row = await mapped('instance', instanceId, () =>
      this.rest.get(`/history/process-instance/${encodeURIComponent(instanceId)}`)
    )
    return this.toInstance(row)
  }

  async findInstance(processKey: string, businessKey: string) {
    const [row] = await this.rest.get<any[]>('/history/process-instance', {
      processDefinitionKey: processKey,
      processInstanceBusinessKey: businessKey,
      sortBy: 'startTime',
      sortOrder: 'asc',
      maxResults: 1,
    })
    return row ? this.toInstance(row) : null
  }

  async setVariables(instanceId: string, variables: Variables, actor?: string) {
    await this.runningOrThrow(instanceId)
    await mapped('instance', instanceId, () =>
      this.rest.post(`/process-instance/${instanceId}/variables`, {
        modifications: toTypedVariables(variables),
      })
    )
    await record({
      instanceId,
      type: 'variables_set',
      actor,
      data: { names: Object.keys(variables) },
    })
  }

  async cancel(instanceId: string, reason: string, actor?: string) {
    await this.runningOrThrow(instanceId)
    await mapped('instance', instanceId, () =>
      this.rest.delete(`/process-instance/${instanceId}`, { skipCustomListeners: true })
    )
    await record({ instanceId, type: 'instance_cancelled', actor, data: { reason } })
  }

  /** 退回 as process-instance modification: start before the target, cancel the source (all iterations). */
  async moveToken(instanceId: string, fromActivity: string, toActivity: string, actor?: string) {
    await this.runningOrThrow(instanceId)
    const tree = await this.rest.get(`/process-instance/${instanceId}/activity-instances`)
    const body = `${fromActivity}#multiInstanceBody`
    const found = flatten(tree)
    const source = found.some((a) => a.activityId === body) ? body : fromActivity
    if (!found.some((a) => a.activityId === source))
      throw new WorkflowNotFoundException('activity', fromActivity)
    await record({
      instanceId,
      type: 'token_moved',
      activityId: toActivity,
      actor,
      data: { from: fromActivity, to: toActivity },
    })
    await mapped('activity', toActivity, () =>
      this.rest.post(`/process-instance/${instanceId}/modification`, {
        skipCustomListeners: false,
        skipIoMappings: false,
        instructions: [
          { type: 'startBeforeActivity', activityId: toActivity },
          { type: 'cancel', activityId: source },
        ],
      })
    )
  }

  protected async runningOrThrow(instanceId: string) {
    const instance = await this.getInstance(instanceId)
    if (instance.status !== 'running') throw new InstanceNotRunningException(instanceId)
    return instance
  }

  /** Process-scope variables: the runtime API while running, the history API afterwards. */
  protected async instanceVariables(instanceId: string, running: boolean): Promise<Variables> {
    if (running) {
      try {
        return fromTypedVariables(
          await this.rest.get(`/process-instance/${instanceId}/variables`, {
            deserializeValues: false,
          })
        )
      } catch (error) {
        // Ended between the two reads: the history has the final values.
        if (!isNotFound(error)) throw error
      }
    }
    const rows = await this.rest.get<any[]>('/history/variable-instance', {
      processInstanceId: instanceId,
      deserializeValues: false,
    })
    return fromTypedVariables(
      Object.fromEntries(
        rows.filter((row) => row.activityInstanceId === instanceId).map((row) => [row.name, row])
      )
    )
  }

  private async toInstance(row: any): Promise<ProcessInstance> {
    const status = STATUS[row.state] ?? 'running'
    return {
      id: row.id,
      definitionId: row.processDefinitionId,
      processKey: row.processDefinitionKey,
      version: Number(row.processDefinitionVersion),
      businessKey: row.businessKey,
      status,
      variables: await this.instanceVariables(row.id, status === 'running'),
      startedAt: isoDate(row.startTime)!,
      endedAt: isoDate(row.endTime),
    }
  }
}

function flatten(node: any): { activityId: string }[] {
  return [node, ...(node.childActivityInstances ?? []).flatMap(flatten)]
}
