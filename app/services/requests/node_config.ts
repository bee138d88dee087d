import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { readProcessModels } from '#workflow/bpmn/model'

/*
 * Per-node configuration from `camunda:properties` of the shipped .bpmn (APPROVALS.md §4):
 * whether an opinion is required, the deadline in working days, the buttons offered.
 */
export interface NodeConfig {
  opinionRequired: boolean
  deadlineWorkingDays: number | null
  buttons: string[]
}

const DEFAULT_BUTTONS = ['approve', 'reject', 'return']
const cache = new Map<string, Map<string, Record<string, string>>>()

async function propertiesOf(processKey: string) {
  let byActivity = cache.get(processKey)
  if (!byActivity) {
    const xml = readFileSync(app.makePath('workflows', `${processKey}.bpmn`), 'utf8')
    const { processes } = await readProcessModels(xml)
    byActivity = new Map()
    for (const process of processes) {
      for (const activity of process.activities.values())
        byActivity.set(activity.id, activity.properties)
    }
    cache.set(processKey, byActivity)
  }
  return byActivity
}

export async function nodeConfig(processKey: string, activityId: string): Promise<NodeConfig> {
  const byActivity = await propertiesOf(processKey)
  const properties = byActivity.get(activityId) ?? {}
  const days = Number(properties.deadlineWorkingDays)
  return {
    opinionRequired: properties.opinionRequired === 'true',
    deadlineWorkingDays: Number.isFinite(days) && days > 0 ? days : null,
    buttons: properties.buttons
      ? properties.buttons.split(',').map((b) => b.trim())
      : DEFAULT_BUTTONS,
  }
}
