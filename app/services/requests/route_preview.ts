import { DateTime } from 'luxon'
import Organisation from '#models/organisation'
import User from '#models/user'
import clock from '#services/clock'
import { BusinessCalendar } from '#services/business_calendar'
import { membersOf } from '#services/notifications/recipients'
import { nodeConfig, processModel } from '#services/requests/node_config'
import { evaluate, evaluateCondition } from '#workflow/expression'
import type { ActivityInfo, ProcessModel } from '#workflow/bpmn/model'
import type { Variables, WorkflowTask } from '#workflow/types'

const calendar = new BusinessCalendar()

/*
 * 流程预测: who reviews next and by when, computed from the model and the current variables.
 * Where a gateway depends on a decision not made yet, the preview follows the approving branch
 * (what the applicant wants to know) and says so with `assumed`.
 */
export interface RouteStep {
  activityId: string
  name: string | null
  status: 'current' | 'upcoming'
  reviewers: { group: string | null; label: string; users: { id: number; name: string }[] }[]
  dueBy: string | null
  assumed: boolean
}

/** What the reviewers would say on the happy path, used only where a variable is still unknown. */
const APPROVING: Variables = { decision: 'approve', approved: true, anyApproved: true }
const MAX_STEPS = 30

export async function previewRoute(
  processKey: string,
  variables: Variables,
  openTasks: (WorkflowTask & { dueAt: string | null })[]
): Promise<RouteStep[]> {
  const model = await processModel(processKey)
  if (!model) return []
  const steps: RouteStep[] = []
  let due: DateTime = DateTime.fromMillis(clock.nowMs())
  const current = [...new Set(openTasks.map((t) => t.activityId))]
  for (const id of current) {
    const tasks = openTasks.filter((t) => t.activityId === id)
    const activity = model.activities.get(id)!
    const dueBy =
      tasks
        .map((t) => t.dueAt)
        .filter(Boolean)
        .sort()
        .pop() ?? null
    if (dueBy) due = DateTime.fromISO(dueBy)
    steps.push({
      activityId: id,
      name: activity.name,
      status: 'current',
      reviewers: await reviewersOf(
        tasks.flatMap((t) => (t.assignee ? [] : t.candidateGroups)),
        tasks
      ),
      dueBy,
      assumed: false,
    })
  }
  if (current.length !== 1) return steps

  let assumed = false
  let cursor: string | null = next(model, current[0], variables, () => (assumed = true))
  const seen = new Set<string>(current)
  while (cursor && steps.length < MAX_STEPS && !seen.has(cursor)) {
    seen.add(cursor)
    const activity = model.activities.get(cursor)!
    if (activity.type === 'bpmn:UserTask') {
      const { deadlineWorkingDays } = await nodeConfig(processKey, cursor)
      if (deadlineWorkingDays) due = calendar.addWorkingDays(due, deadlineWorkingDays)
      steps.push({
        activityId: cursor,
        name: activity.name,
        status: 'upcoming',
        reviewers: await reviewersOf(groupsOf(activity, variables), []),
        dueBy: deadlineWorkingDays ? due.toUTC().toISO() : null,
        assumed,
      })
    }
    cursor = next(model, cursor, variables, () => (assumed = true))
  }
  return steps
}

/** The candidate groups of a task not created yet (a multi-instance node: one per iteration). */
function groupsOf(activity: ActivityInfo, variables: Variables): string[] {
  if (!activity.candidateGroups) return []
  const collection = activity.loop?.collection
  const items =
    collection && activity.loop?.elementVariable
      ? ((tryEvaluate(collection, variables) as unknown[] | undefined) ?? [])
      : [undefined]
  const groups: string[] = []
  for (const item of items) {
    const scope = activity.loop?.elementVariable
      ? { ...variables, [activity.loop.elementVariable]: item }
      : variables
    for (const part of activity.candidateGroups.split(',')) {
      const text = part.trim()
      const value = text.startsWith('${') ? tryEvaluate(text, scope) : text
      if (typeof value === 'string' && value) groups.push(value)
    }
  }
  return [...new Set(groups)]
}

function tryEvaluate(expression: string, variables: Variables) {
  try {
    return evaluate(expression, variables)
  } catch {
    return undefined
  }
}

/** The next activity after `from`, through gateways, on the branch whose condition holds. */
function next(
  model: ProcessModel,
  from: string,
  variables: Variables,
  onAssume: () => void
): string | null {
  const outgoing = model.flows.filter((f) => f.sourceId === from)
  for (const flow of outgoing) {
    if (!flow.condition || conditionHolds(flow.condition, variables, onAssume)) {
      const target = model.activities.get(flow.targetId)
      if (!target) return null
      if (target.type.endsWith('Gateway')) return next(model, target.id, variables, onAssume)
      return target.id
    }
  }
  return null
}

function conditionHolds(condition: string, variables: Variables, onAssume: () => void) {
  try {
    return evaluateCondition(condition, variables)
  } catch {
    onAssume()
    try {
      return evaluateCondition(condition, { ...variables, ...APPROVING })
    } catch {
      return false
    }
  }
}

async function reviewersOf(groups: string[], assigned: WorkflowTask[]) {
  const result: RouteStep['reviewers'] = []
  const assignees = assigned.map((t) => t.assignee).filter((a): a is string => Boolean(a))
  if (assignees.length) {
    const users = await User.query().whereIn('id', assignees.map(Number))
    result.push({ group: null, label: '经办人 / assignee', users: users.map(person) })
  }
  for (const group of groups) {
    const ids = await membersOf(group)
    const users = ids.length ? await User.query().whereIn('id', ids) : []
    result.push({ group, label: await labelOf(group), users: users.map(person) })
  }
  return result
}

const person = (u: User) => ({ id: u.id, name: u.displayName })

const ROLE_LABELS: Record<string, string> = {
  head: '负责人 / head',
  owner_reviewer: '数据审核人 / data owner reviewers',
  dept_reviewer: '部门审核人 / department reviewers',
  security_officer: '安全审核员 / security officers',
  catalog_admin: '目录管理员 / catalog admins',
}

async function labelOf(group: string) {
  const [kind, a, b] = group.split(':')
  if (kind === 'role') return ROLE_LABELS[a] ?? a
  if (kind === 'org') {
    const org = await Organisation.findBy('code', a)
    return `${org?.name ?? a} ${ROLE_LABELS[b] ?? b}`
  }
  return group
}
