import { compactParams, http } from './http'
import type { Envelope, PageQuery, Paginated } from './types'
import type { RequestStatus, WorkflowTask } from './requests'

export const INBOX_TABS = ['todo', 'done', 'cc', 'started'] as const
export type InboxTab = (typeof INBOX_TABS)[number]

export interface InboxFilters {
  processKey?: string
  dataset?: string
  /** Organisation code of the applicant. */
  applicantOrg?: string
  overdue?: boolean
  /** YYYY-MM-DD */
  from?: string
  to?: string
}

export type InboxQuery = InboxFilters & PageQuery

export interface RequestSummary {
  code: string
  status: RequestStatus
  datasets: string[]
  applicantOrg: { code: string; name: string } | null
  submittedAt: string
  /** 抄送我的 only. */
  copiedAt?: string
  note?: string | null
}

export interface TodoTask extends WorkflowTask {
  kind: 'task'
  request: RequestSummary | null
}

/** An approval added to me (加签), shown in 待办 next to the engine's tasks. */
export interface TodoSignoff {
  kind: 'signoff'
  id: string
  signoffId: number
  taskId: string
  requestCode: string
  processKey: string
  activityId: string
  name: string | null
  position: SignoffPosition
  addedBy: number | null
  version: number
  createdAt: string
  request: RequestSummary | null
}

export type TodoItem = TodoTask | TodoSignoff

export interface DoneItem {
  taskId: string
  requestCode: string
  processKey: string
  activityId: string | null
  action: string
  opinion: string | null
  occurredAt: string
  request: RequestSummary | null
}

export interface InboxCounts {
  todo: number
  overdue: number
  done: number
  cc: number
  started: number
}

export type SignoffPosition = 'before' | 'after'
export type SignoffStatus = 'waiting' | 'pending' | 'approved' | 'rejected' | 'removed'

export interface Signoff {
  id: number
  taskId: string
  userId: number
  position: SignoffPosition
  status: SignoffStatus
  opinion: string | null
  version: number
}

export interface NodeConfig {
  opinionRequired: boolean
  deadlineWorkingDays: number | null
  /** approve, reject, return, transfer, delegate, add_signoff, cc */
  buttons: string[]
}

export interface TaskDetail extends WorkflowTask {
  node: NodeConfig
  signoffs: Signoff[]
}

export type Decision = 'approve' | 'reject' | 'return'

export interface DecisionBody {
  action: Decision
  opinion: string | null
  /** Owner review: the approved subset (partial grant). */
  approvedCodes?: string[]
  version: number
}

export interface HandOverBody {
  userId: number
  opinion: string | null
  version: number
}

export type HandOver = 'transfer' | 'delegate'

export interface AddSignoffsBody {
  userIds: number[]
  position: SignoffPosition
  opinion: string | null
  version: number
}

export interface SignoffDecisionBody {
  action: 'approve' | 'reject'
  opinion: string
  version: number
}

async function tab<T>(name: InboxTab, query: InboxQuery): Promise<Paginated<T>> {
  const res = await http.get<Paginated<T>>(`/inbox/${name}`, { params: compactParams(query) })
  return res.data
}

export const listTodo = (query: InboxQuery) => tab<TodoItem>('todo', query)
export const listDone = (query: InboxQuery) => tab<DoneItem>('done', query)
export const listCc = (query: InboxQuery) => tab<RequestSummary>('cc', query)
export const listStarted = (query: InboxQuery) => tab<RequestSummary>('started', query)

export async function fetchCounts(): Promise<InboxCounts> {
  const res = await http.get<Envelope<InboxCounts>>('/inbox/counts')
  return res.data.data
}

export async function fetchTask(id: string): Promise<TaskDetail> {
  const res = await http.get<Envelope<TaskDetail>>(`/inbox/tasks/${id}`)
  return res.data.data
}

const taskUrl = (id: string, op: string) => `/inbox/tasks/${encodeURIComponent(id)}/${op}`

export async function decideTask(id: string, body: DecisionBody): Promise<void> {
  await http.post(taskUrl(id, 'decision'), body)
}

/** 转办 (for good) or 委派 (comes back to me through 交还). */
export async function handOverTask(id: string, op: HandOver, body: HandOverBody): Promise<void> {
  await http.post(taskUrl(id, op), body)
}

/** 交还: the delegate hands the task back with an opinion. */
export async function resolveTask(id: string, opinion: string, version: number): Promise<void> {
  await http.post(taskUrl(id, 'resolve'), { opinion, version })
}

export async function addSignoffs(id: string, body: AddSignoffsBody): Promise<Signoff[]> {
  const res = await http.post<Envelope<{ signoffs: Signoff[] }>>(taskUrl(id, 'signoffs'), body)
  return res.data.data.signoffs
}

/** 减签: only before the added approver acted. */
export async function removeSignoff(id: string, signoffId: number): Promise<Signoff[]> {
  const res = await http.delete<Envelope<{ signoffs: Signoff[] }>>(
    taskUrl(id, `signoffs/${signoffId}`)
  )
  return res.data.data.signoffs
}

export async function decideSignoff(signoffId: number, body: SignoffDecisionBody): Promise<void> {
  await http.post(`/inbox/signoffs/${signoffId}/decision`, body)
}

export async function ccTask(id: string, userIds: number[], note: string | null): Promise<void> {
  await http.post(taskUrl(id, 'cc'), { userIds, note })
}

/** 撤回 from 已办: `id` is the task I completed. */
export async function withdrawTask(id: string): Promise<void> {
  await http.post(taskUrl(id, 'withdraw'))
}

export interface Person {
  id: number
  name: string
  username: string
  organisation: { code: string; name: string }
}

/** Colleagues for 转办 / 委派 / 加签 (reviewers) or 抄送 (`reviewers: false`: anyone active). */
export async function findPeople(q: string, reviewers: boolean): Promise<Person[]> {
  const res = await http.get<Envelope<Person[]>>('/inbox/people', {
    params: compactParams({ q: q || undefined, reviewers }),
  })
  return res.data.data
}
