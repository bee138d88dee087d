interface ManualTimer {
  executionId: string
  activityId: string
  delayMs: number
  callback: (...args: unknown[]) => void
  args: unknown[]
}

/*
 * The `timers` option of bpmn-engine, without real timeouts: the adapter persists each timer's
 * due instant and fires it from the database under the app clock, so timers survive restarts
 * and tests can move time.
 */
export class ManualTimers {
  private readonly pending = new Map<string, ManualTimer>()

  get executing(): ManualTimer[] {
    return [...this.pending.values()]
  }

  register() {
    return this
  }

  setTimeout = (callback: (...args: unknown[]) => void, delayMs: number, ...args: unknown[]) => {
    const info = (args[0] ?? {}) as { executionId?: string; id?: string }
    const timer: ManualTimer = {
      executionId: String(info.executionId),
      activityId: String(info.id),
      delayMs,
      callback,
      args,
    }
    this.pending.set(timer.executionId, timer)
    return timer
  }

  clearTimeout = (ref: ManualTimer | undefined) => {
    if (ref?.executionId) this.pending.delete(ref.executionId)
  }

  fire(executionId: string) {
    const timer = this.pending.get(executionId)
    if (!timer) return false
    this.pending.delete(executionId)
    timer.callback(...timer.args)
    return true
  }

  forgetActivity(activityId: string) {
    for (const [key, timer] of this.pending)
      if (timer.activityId === activityId) this.pending.delete(key)
  }

  list(): ManualTimer[] {
    return this.executing
  }
}
