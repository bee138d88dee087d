import { EventEmitter } from 'node:events'
import { Engine } from 'bpmn-engine'
import { camundaDescriptor } from '#workflow/bpmn/moddle'
import type { ProcessModel } from '#workflow/bpmn/model'
import { resolveFor } from '#workflow/embedded/expressions'
import { ManualTimers } from '#workflow/embedded/manual_timers'
import { WorkflowStepException } from '#workflow/port'
import type { Variables } from '#workflow/types'

export interface WaitingUserTask {
  executionId: string
  activityId: string
  localVariables: Variables
  signal(output: Variables): void
}

export interface WaitingService {
  executionId: string
  activityId: string
  callback(error: Error | null, output?: Variables): void
}

/*
 * One bpmn-engine Engine for one process instance, plus what it is waiting on. Waits are
 * learnt from engine events (they are re-emitted on resume), so a recovered runtime knows
 * the same user tasks, external tasks and timers by the same execution ids.
 */
export class InstanceRuntime {
  readonly userTasks = new Map<string, WaitingUserTask>()
  readonly services = new Map<string, WaitingService>()
  readonly timers = new ManualTimers()
  ended = false
  private failure: Error | null = null
  private engine!: Engine
  private execution: any

  constructor(
    readonly model: ProcessModel,
    public variables: Variables,
    public stateVersion: number
  ) {}

  /** The definition serialised for bpmn-engine once, shared by every engine of that version. */
  static sourceContext(model: ProcessModel, moddleContext: unknown): unknown {
    const probe: any = new Engine(new InstanceRuntime(model, {}, 0).options())
    return probe._serializeModdleContext(moddleContext)
  }

  static async start(
    model: ProcessModel,
    sourceContext: unknown,
    variables: Variables
  ): Promise<InstanceRuntime> {
    const runtime = new InstanceRuntime(model, variables, 0)
    runtime.engine = new Engine({ ...runtime.options(), sourceContext })
    runtime.execution = await runtime.engine.execute({ listener: runtime.listener() })
    await runtime.settle()
    return runtime
  }

  /** A state stored without its source (see state()) recovers from the definition's sourceContext. */
  static async recover(
    model: ProcessModel,
    sourceContext: unknown,
    state: unknown,
    variables: Variables,
    stateVersion: number
  ) {
    const runtime = new InstanceRuntime(model, variables, stateVersion)
    runtime.engine = new Engine({ ...runtime.options(), sourceContext }).recover(state as any)
    runtime.execution = await runtime.engine.resume({ listener: runtime.listener() })
    await runtime.settle()
    return runtime
  }

  async signalTask(executionId: string, output: Variables) {
    const task = this.userTasks.get(executionId)
    if (!task) throw new WorkflowStepException(`no user task waits with execution ${executionId}`)
    this.userTasks.delete(executionId)
    await this.drive(() => task.signal(output))
  }

  async completeService(executionId: string, error: Error | null) {
    const service = this.services.get(executionId)
    if (!service)
      throw new WorkflowStepException(`no external task waits with execution ${executionId}`)
    this.services.delete(executionId)
    await this.drive(() => service.callback(error, {}))
  }

  async fireTimer(executionId: string) {
    await this.drive(() => this.timers.fire(executionId))
  }

  /** Starts `toActivity` first so the process never looks finished, then voids `fromActivity`. */
  async moveToken(fromActivity: string, toActivity: string) {
    const process = this.execution.definitions[0].getProcesses()[0]
    const target = process.getActivityById(toActivity)
    const source = this.execution.getPostponed().find((api: any) => api.id === fromActivity)
    if (!target || !source)
      throw new WorkflowStepException(`cannot move ${fromActivity} → ${toActivity}`)
    await this.drive(() => target.run())
    // Like Camunda's activity cancellation: leave without a dead-path wave, which would reach the restarted node.
    const executeMessage = process.getActivityById(fromActivity)?.[Symbol.for('executeMessage')]
    if (executeMessage) executeMessage.content.ignoreOutbound = true
    await this.drive(() => source.discard())
  }

  async stop() {
    await this.engine.stop()
  }

  /** Without each definition's serialised source: 17 of 29 KB, identical for every instance of a version. */
  async state(): Promise<string> {
    const state: any = await this.engine.getState()
    for (const definition of state.definitions ?? []) delete definition.source
    return JSON.stringify(state)
  }

  /** Runs one engine action; whatever it throws or reports becomes one WorkflowStepException. */
  private async drive(action: () => unknown) {
    try {
      action()
    } catch (error) {
      throw new WorkflowStepException((error as Error).message, { cause: error })
    }
    await this.settle()
  }

  private async settle() {
    // Engine steps run synchronously through its message broker; one turn lets deferred publishes land.
    await new Promise((resolve) => setImmediate(resolve))
    if (this.failure) throw new WorkflowStepException(this.failure.message)
  }

  private options(): any {
    const runtime = this
    return {
      name: this.model.key,
      moddleOptions: { camunda: camundaDescriptor },
      expressions: resolveFor(this.model, () => runtime.variables),
      timers: this.timers,
      extensions: { ecoshare: (activity: any) => this.bindExternal(activity) },
    }
  }

  private bindExternal(activity: any) {
    const info = this.model.activities.get(activity.id)
    if (!info?.external) return
    const services = this.services
    activity.behaviour.Service = function ExternalService() {
      return {
        execute(message: any, callback: WaitingService['callback']) {
          const executionId = message.content.executionId
          services.set(executionId, { executionId, activityId: activity.id, callback })
        },
      }
    }
  }

  private listener() {
    const listener = new EventEmitter()
    listener.on('activity.wait', (api: any) => {
      if (api.type !== 'bpmn:UserTask') return
      const info = this.model.activities.get(api.id)
      const elementVariable = info?.loop?.elementVariable
      const localVariables: Variables =
        elementVariable && api.content.isMultiInstance
          ? { [elementVariable]: api.content[elementVariable] }
          : {}
      this.userTasks.set(api.executionId, {
        executionId: api.executionId,
        activityId: api.id,
        localVariables,
        signal: (output) => api.signal(output),
      })
    })
    // A leaving activity (done, discarded, interrupted by a boundary event) takes all its waits along.
    listener.on('activity.leave', (api: any) => this.forget(api.id))
    this.engine.on('end', () => {
      this.ended = true
    })
    this.engine.on('error', (error: Error) => {
      this.failure = error
    })
    return listener
  }

  private forget(activityId: string) {
    for (const [key, task] of this.userTasks)
      if (task.activityId === activityId) this.userTasks.delete(key)
    for (const [key, service] of this.services)
      if (service.activityId === activityId) this.services.delete(key)
    this.timers.forgetActivity(activityId)
  }
}
