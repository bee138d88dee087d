import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import DataRequest from '#models/data_request'
import Organisation from '#models/organisation'
import { todoFor } from '#services/requests/inbox'
import { deadlinesOf } from '#services/requests/task_deadlines'
import { DONE_ACTIONS, toActionRow } from '#services/requests/request_actions'
import { toSignoff, type Signoff } from '#services/requests/signoffs'
import { transformTask } from '#transformers/request_transformer'
import type { WorkflowPort } from '#workflow/port'
import type { WorkflowTask } from '#workflow/types'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'

type RequestQuery = ModelQueryBuilderContract<typeof DataRequest, DataRequest>

/*
 * The four inbox tabs (待办 / 已办 / 抄送我的 / 我发起的) with one filter set. 待办 merges the
 * engine's tasks with the added-approver items (加签) that live in our tables.
 */
export interface InboxFilters {
  page?: number
  perPage?: number
  processKey?: string
  dataset?: string
  applicantOrg?: string
  overdue?: boolean
  from?: Date
  to?: Date
}

export interface Page<T> {
  data: T[]
  meta: { total: number; perPage: number; currentPage: number; lastPage: number }
}

function paged<T>(all: T[], total: number, filters: InboxFilters): Page<T> {
  const perPage = filters.perPage ?? 20
  return {
    data: all,
    meta: {
      total,
      perPage,
      currentPage: filters.page ?? 1,
      lastPage: Math.max(1, Math.ceil(total / perPage)),
    },
  }
}

const ms = (date?: Date) => (date ? date.getTime() : null)

/** The requests behind business keys, for the dataset / applicant-org filters and the list rows. */
async function requestsByCode(codes: string[]) {
  const rows = codes.length
    ? await DataRequest.query()
        .whereIn('code', [...new Set(codes)])
        .preload('applicantOrg')
    : []
  return new Map(rows.map((r) => [r.code, r]))
}

async function orgIdOf(code?: string) {
  if (!code) return null
  const organisation = await Organisation.findBy('code', code)
  return organisation?.id ?? -1
}

function requestSummary(request: DataRequest | undefined) {
  if (!request) return null
  return {
    code: request.code,
    status: request.status,
    datasets: request.datasetCodes,
    applicantOrg: request.applicantOrg
      ? { code: request.applicantOrg.code, name: request.applicantOrg.name }
      : null,
    submittedAt: request.submittedAt.toISO(),
  }
}

function matchesRequest(
  request: DataRequest | undefined,
  filters: InboxFilters,
  orgId: number | null
) {
  if (filters.dataset && !request?.datasetCodes.includes(filters.dataset)) return false
  if (orgId !== null && request?.applicantOrgId !== orgId) return false
  return true
}

type TodoItem =
  | { kind: 'task'; createdAt: string; task: WorkflowTask }
  | { kind: 'signoff'; createdAt: string; signoff: Signoff }

export async function todoTab(
  port: WorkflowPort,
  user: User,
  groups: string[],
  filters: InboxFilters
) {
  const tasks = await todoFor(port, user, groups)
  const signoffRows = await db
    .from('task_signoffs')
    .where({ user_id: user.id, status: 'pending' })
    .orderBy('id')
  let items: TodoItem[] = [
    ...tasks.map((task) => ({ kind: 'task' as const, createdAt: task.createdAt, task })),
    ...signoffRows.map(toSignoff).map((signoff) => ({
      kind: 'signoff' as const,
      createdAt: signoff.createdAt,
      signoff,
    })),
  ]
  const keyOf = (i: TodoItem) => (i.kind === 'task' ? i.task : i.signoff)
  items = items.filter((i) => {
    const created = Date.parse(i.createdAt)
    if (filters.processKey && keyOf(i).processKey !== filters.processKey) return false
    if (filters.from && created < ms(filters.from)!) return false
    if (filters.to && created > ms(filters.to)!) return false
    return true
  })
  const orgId = await orgIdOf(filters.applicantOrg)
  // The requests behind every task only when filtering on them; otherwise for the page shown.
  const byRequest = filters.dataset || orgId !== null
  let requests = byRequest ? await requestsByCode(items.map((i) => keyOf(i).businessKey)) : null
  if (requests)
    items = items.filter((i) => matchesRequest(requests!.get(keyOf(i).businessKey), filters, orgId))
  // Deadlines for the whole list only when filtering on them; otherwise for the page shown.
  const engineTasks = (list: TodoItem[]) => list.flatMap((i) => (i.kind === 'task' ? [i.task] : []))
  let deadlines = filters.overdue === undefined ? null : await deadlinesOf(engineTasks(items))
  if (deadlines) {
    items = items.filter(
      (i) => i.kind === 'task' && deadlines!.get(i.task.id)!.overdue === filters.overdue
    )
  }
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const perPage = filters.perPage ?? 20
  const slice = items.slice(((filters.page ?? 1) - 1) * perPage, (filters.page ?? 1) * perPage)
  deadlines ??= await deadlinesOf(engineTasks(slice))
  requests ??= await requestsByCode(slice.map((i) => keyOf(i).businessKey))
  const rows = slice.map((i) =>
    i.kind === 'task'
      ? {
          kind: 'task' as const,
          ...transformTask(i.task),
          ...deadlines.get(i.task.id),
          request: requestSummary(requests.get(i.task.businessKey)),
        }
      : {
          kind: 'signoff' as const,
          id: `signoff-${i.signoff.id}`,
          signoffId: i.signoff.id,
          taskId: i.signoff.taskId,
          requestCode: i.signoff.businessKey,
          processKey: i.signoff.processKey,
          activityId: i.signoff.activityId,
          name: i.signoff.taskName,
          position: i.signoff.position,
          addedBy: i.signoff.addedBy,
          version: i.signoff.version,
          createdAt: i.signoff.createdAt,
          request: requestSummary(requests.get(i.signoff.businessKey)),
        }
  )
  return paged(rows, items.length, filters)
}

/** 已办: the tasks I acted on, newest first, once per task with my latest action. */
export async function doneTab(user: User, filters: InboxFilters) {
  const orgId = await orgIdOf(filters.applicantOrg)
  const base = db
    .from('request_actions as a')
    .where('a.actor_id', user.id)
    .whereIn('a.action', DONE_ACTIONS)
    .whereNotNull('a.task_id')
    .if(filters.processKey, (q) => q.where('a.process_key', filters.processKey!))
    .if(filters.from, (q) => q.where('a.created_at', '>=', ms(filters.from)!))
    .if(filters.to, (q) => q.where('a.created_at', '<=', ms(filters.to)!))
    .if(filters.dataset || orgId !== null, (q) =>
      q
        .join('data_requests as r', 'r.code', 'a.business_key')
        .if(filters.dataset, (r) => r.where('r.dataset_codes', 'like', `%"${filters.dataset}"%`))
        .if(orgId !== null, (r) => r.where('r.applicant_org_id', orgId!))
    )
  const [{ n }] = await base.clone().countDistinct('a.task_id as n')
  const perPage = filters.perPage ?? 20
  const latest = await base
    .clone()
    .groupBy('a.task_id')
    .max('a.id as id')
    .orderBy('id', 'desc')
    .limit(perPage)
    .offset(((filters.page ?? 1) - 1) * perPage)
  const rows = latest.length
    ? await db
        .from('request_actions')
        .whereIn(
          'id',
          latest.map((r: any) => r.id)
        )
        .orderBy('id', 'desc')
    : []
  const requests = await requestsByCode(rows.map((r: any) => r.business_key))
  return paged(
    rows.map((row: any) => {
      const action = toActionRow(row)
      return {
        taskId: action.taskId,
        requestCode: row.business_key,
        processKey: row.process_key,
        activityId: action.activityId,
        action: action.action,
        opinion: action.opinion,
        occurredAt: action.occurredAt,
        request: requestSummary(requests.get(row.business_key)),
      }
    }),
    Number(n),
    filters
  )
}

/** 抄送我的 and 我发起的 read from our own tables: requests, not tasks. */
export async function ccTab(user: User, filters: InboxFilters) {
  const orgId = await orgIdOf(filters.applicantOrg)
  const query = DataRequest.query()
    .join('request_cc as c', 'c.business_key', 'data_requests.code')
    .where('c.user_id', user.id)
    .if(filters.from, (q) => q.where('c.created_at', '>=', ms(filters.from)!))
    .if(filters.to, (q) => q.where('c.created_at', '<=', ms(filters.to)!))
    .select('data_requests.*', 'c.created_at as copied_at', 'c.note as cc_note')
    .orderBy('c.id', 'desc')
  return requestPage(requestFilters(query, filters, orgId), filters, (r) => ({
    copiedAt: DateTime.fromMillis(Number(r.$extras.copied_at)).toUTC().toISO(),
    note: r.$extras.cc_note ?? null,
  }))
}

export async function startedTab(user: User, filters: InboxFilters) {
  const orgId = await orgIdOf(filters.applicantOrg)
  const query = DataRequest.query()
    .where('applicantId', user.id)
    .if(filters.from, (q) => q.where('submittedAt', '>=', filters.from!))
    .if(filters.to, (q) => q.where('submittedAt', '<=', filters.to!))
    .orderBy('id', 'desc')
  return requestPage(requestFilters(query, filters, orgId), filters, () => ({}))
}

function requestFilters(query: RequestQuery, filters: InboxFilters, orgId: number | null) {
  return query
    .if(filters.processKey && filters.processKey !== 'data_request', (q) => q.whereRaw('1 = 0'))
    .if(filters.dataset, (q) =>
      q.where('data_requests.dataset_codes', 'like', `%"${filters.dataset}"%`)
    )
    .if(orgId !== null, (q) => q.where('data_requests.applicant_org_id', orgId!))
}

async function requestPage(
  query: RequestQuery,
  filters: InboxFilters,
  extra: (r: DataRequest) => Record<string, unknown>
) {
  const page = await query
    .preload('applicantOrg')
    .paginate(filters.page ?? 1, filters.perPage ?? 20)
  return paged(
    page.all().map((r) => ({ ...requestSummary(r)!, ...extra(r) })),
    page.total,
    filters
  )
}

/** The badge numbers of the four tabs. */
export async function tabCounts(port: WorkflowPort, user: User, groups: string[]) {
  const todo = await todoTab(port, user, groups, { perPage: 1 })
  const overdue = await todoTab(port, user, groups, { perPage: 1, overdue: true })
  const done = await doneTab(user, { perPage: 1 })
  const cc = await ccTab(user, { perPage: 1 })
  const started = await startedTab(user, { perPage: 1 })
  return {
    todo: todo.meta.total,
    overdue: overdue.meta.total,
    done: done.meta.total,
    cc: cc.meta.total,
    started: started.meta.total,
  }
}
