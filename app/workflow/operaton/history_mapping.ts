import { isoDate, type OperatonHttp } from '#workflow/operaton/http_client'
import { recorded } from '#workflow/operaton/timeline'
import type { HistoryEvent, Variables } from '#workflow/types'

interface Entry {
  type: string
  activityId: string | null
  taskId: string | null
  actor: string | null
  data: Variables | null
  occurredMs: number
}

const TIMERS = new Set(['intermediateTimer', 'boundaryTimer', 'startTimerEvent'])
const ms = (text: string) => Date.parse(isoDate(text)!)

/** What the engine's history knows: tasks created and cancelled, timers fired, the end. */
function engineEntries(activities: any[], instance: any): Entry[] {
  const entries: Entry[] = []
  const base = { actor: null, data: null }
  for (const a of activities) {
    if (a.activityType === 'userTask') {
      entries.push({
        ...base,
        type: 'task_created',
        activityId: a.activityId,
        taskId: a.taskId,
        occurredMs: ms(a.startTime),
      })
      if (a.canceled && a.endTime && instance.state !== 'EXTERNALLY_TERMINATED')
        entries.push({
          ...base,
          type: 'task_cancelled',
          activityId: a.activityId,
          taskId: a.taskId,
          occurredMs: ms(a.endTime),
        })
    }
    // A boundary timer's activity starts when it fires; a catch event's ends then.
    const firedAt = a.activityType === 'boundaryTimer' ? a.startTime : a.endTime
    if (TIMERS.has(a.activityType) && firedAt && !a.canceled)
      entries.push({
        ...base,
        type: 'timer_fired',
        activityId: a.activityId,
        taskId: null,
        occurredMs: ms(firedAt),
      })
  }
  if (instance.state === 'COMPLETED' && instance.endTime)
    entries.push({
      ...base,
      type: 'instance_completed',
      activityId: null,
      taskId: null,
      occurredMs: ms(instance.endTime),
    })
  return entries
}

/*
 * The timeline: the engine's history API merged with the operations this adapter recorded
 * (decisions with their variables, claims, transfers, topic outcomes), in time order.
 */
export async function instanceHistory(
  rest: OperatonHttp,
  instanceId: string
): Promise<HistoryEvent[]> {
  const [instance, activities, ours] = await Promise.all([
    rest.get(`/history/process-instance/${instanceId}`),
    rest.get<any[]>('/history/activity-instance', {
      processInstanceId: instanceId,
      sortBy: 'startTime',
      sortOrder: 'asc',
    }),
    recorded(instanceId),
  ])
  const merged = [...ours, ...engineEntries(activities, instance)]
  // Stable: at one instant our own record (written before the engine call) comes first.
  merged.sort((a, b) => a.occurredMs - b.occurredMs)
  return merged.map((entry, index) => ({
    id: index + 1,
    instanceId,
    type: entry.type,
    activityId: entry.activityId,
    taskId: entry.taskId,
    actor: entry.actor,
    data: entry.data,
    occurredAt: new Date(entry.occurredMs).toISOString(),
  }))
}
