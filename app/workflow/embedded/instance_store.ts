import { createHash, randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import clock from '#services/clock'
import { deployableKey } from '#workflow/bpmn/lint'
import { readProcessModels, type ProcessModel } from '#workflow/bpmn/model'
import { InstanceRuntime } from '#workflow/embedded/runtime'
import { KeyedLock, LruCache } from '#workflow/embedded/keyed_lock'
import { persistRuntime } from '#workflow/embedded/sync'
import { InstanceNotRunningException, WorkflowNotFoundException } from '#workflow/port'
import type { DeployedDefinition } from '#workflow/types'

type Trx = TransactionClientContract

interface LoadedDefinition {
  id: number
  key: string
  version: number
  xml: string
  model: ProcessModel
  /** The parsed and serialised XML, handed to every engine so none parses or serialises it again. */
  sourceContext: unknown
}

/*
 * The embedded adapter's core: definitions, and "step one instance" — lock it, open a
 * transaction, get its engine (cached or recovered from the stored state), act, persist.
 */
export class InstanceStore {
  private readonly runtimes: LruCache<InstanceRuntime>
  private readonly locks = new KeyedLock()
  private readonly definitions = new Map<number, LoadedDefinition>()

  constructor(cacheSize: number) {
    this.runtimes = new LruCache(cacheSize)
  }

  async deploy(name: string, xml: string): Promise<DeployedDefinition> {
    const key = await deployableKey(xml)
    const checksum = createHash('sha256').update(xml).digest('hex')
    return db.transaction(async (trx) => {
      const latest = await trx
        .from('workflow_definitions')
        .where('process_key', key)
        .orderBy('version', 'desc')
        .first()
      if (latest?.checksum === checksum) return toDeployed(latest, false)
      const row = {
        process_key: key,
        name,
        version: Number(latest?.version ?? 0) + 1,
        checksum,
        xml,
        deployed_at: clock.nowMs(),
      }
      // (process_key, version) is unique: a racing deploy of the same version fails instead of forking.
      const [id] = await trx.table('workflow_definitions').insert(row)
      return toDeployed({ ...row, id }, true)
    })
  }

  async latestDefinition(key: string, trx?: Trx): Promise<LoadedDefinition> {
    const row = await (trx ?? db)
      .from('workflow_definitions')
      .where('process_key', key)
      .orderBy('version', 'desc')
      .first()
    if (!row) throw new WorkflowNotFoundException('definition', key)
    return this.definition(Number(row.id), trx)
  }

  async definition(id: number, trx?: Trx): Promise<LoadedDefinition> {
    const cached = this.definitions.get(id)
    if (cached) return cached
    const row = await (trx ?? db).from('workflow_definitions').where('id', id).first()
    if (!row) throw new WorkflowNotFoundException('definition', String(id))
    const { processes, context } = await readProcessModels(row.xml)
    const model = processes.find((p) => p.isExecutable)!
    const loaded = {
      id,
      key: row.process_key,
      version: Number(row.version),
      xml: row.xml,
      model,
      sourceContext: InstanceRuntime.sourceContext(model, context),
    }
    this.definitions.set(id, loaded)
    return loaded
  }

  /** Runs the engine to its first wait state in memory, then inserts the instance with all its rows. */
  async create(key: string, businessKey: string, variables: Record<string, unknown>) {
    const definition = await this.latestDefinition(key)
    const runtime = await InstanceRuntime.start(definition.model, definition.sourceContext, {
      ...variables,
    })
    const id = randomUUID()
    await db.transaction(async (trx) => {
      await trx.table('workflow_instances').insert({
        id,
        definition_id: definition.id,
        process_key: key,
        business_key: businessKey,
        status: 'running',
        variables: JSON.stringify(variables),
        state: null,
        state_version: 0,
        started_at: clock.nowMs(),
      })
      await trx.table('workflow_history').insert({
        instance_id: id,
        type: 'instance_started',
        data: JSON.stringify({ businessKey, version: definition.version }),
        occurred_at: clock.nowMs(),
      })
      await persistRuntime(trx, id, runtime)
    })
    this.runtimes.set(id, runtime)
    return id
  }

  /** One step on one instance; on any failure the in-memory engine is dropped and the DB rolls back. */
  step<T>(
    instanceId: string,
    action: (runtime: InstanceRuntime, trx: Trx) => Promise<T>
  ): Promise<T> {
    return this.locks.run(instanceId, async () => {
      try {
        return await db.transaction(async (trx) => {
          const row = await this.lockInstance(trx, instanceId)
          if (row.status !== 'running') throw new InstanceNotRunningException(instanceId)
          const runtime = await this.runtimeFor(row, trx)
          const result = await action(runtime, trx)
          await persistRuntime(trx, instanceId, runtime)
          this.runtimes.set(instanceId, runtime)
          return result
        })
      } catch (error) {
        this.runtimes.delete(instanceId)
        throw error
      }
    })
  }

  /** Ends an instance without stepping its engine (cancel); rows are closed by the caller. */
  terminate<T>(instanceId: string, action: (trx: Trx) => Promise<T>): Promise<T> {
    return this.locks.run(instanceId, async () => {
      this.runtimes.delete(instanceId)
      return db.transaction(async (trx) => {
        const row = await this.lockInstance(trx, instanceId)
        if (row.status !== 'running') throw new InstanceNotRunningException(instanceId)
        return action(trx)
      })
    })
  }

  private async lockInstance(trx: Trx, instanceId: string) {
    const query = trx.from('workflow_instances').where('id', instanceId)
    const lockRows = !['better-sqlite3', 'sqlite3'].includes(trx.dialect.name)
    const row = await (lockRows ? query.forUpdate() : query).first()
    if (!row) throw new WorkflowNotFoundException('instance', instanceId)
    return row
  }

  private async runtimeFor(row: any, trx: Trx): Promise<InstanceRuntime> {
    const cached = this.runtimes.get(row.id)
    if (cached && cached.stateVersion === Number(row.state_version)) return cached
    const definition = await this.definition(Number(row.definition_id), trx)
    return InstanceRuntime.recover(
      definition.model,
      definition.sourceContext,
      JSON.parse(row.state),
      JSON.parse(row.variables),
      Number(row.state_version)
    )
  }
}

function toDeployed(row: any, created: boolean): DeployedDefinition {
  return {
    id: String(row.id),
    key: row.process_key,
    name: row.name,
    version: Number(row.version),
    created,
  }
}
