import { compactParams, http } from './http'
import type { Envelope, PageQuery, Paginated } from './types'
import type { GrantStatus, RowScope } from './grants'

export const REQUEST_STATUSES = [
  'submitted',
  'in_review',
  'returned',
  'approved',
  'partially_approved',
  'rejected',
  'withdrawn',
  'cancelled',
] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const REQUEST_DELIVERY_MODES = ['api', 'export', 'visual_query', 'subscription'] as const
export type RequestDeliveryMode = (typeof REQUEST_DELIVERY_MODES)[number]

/** The body of POST /requests; mirrors forms/request_form.json. */
export interface RequestForm {
  datasets: string[]
  fields?: string[]
  /** Prose (older requests) or the structured scope of the form's editor; `to` is exclusive. */
  rowScope?: string | RowScope | null
  purpose: string
  scenario: string
  legalBasis: string
  /** YYYY-MM-DD */
  validUntil: string
  deliveryModes: RequestDeliveryMode[]
  contact: string
  appealJustification?: string | null
}

/** 续期 / 变更范围: a new request naming the caller's grant it renews or changes. */
export interface SubmitForm extends RequestForm {
  previousGrantId?: number
}

export interface AmendForm extends RequestForm {
  /** The request version the applicant saw. */
  version: number
}

export interface DataRequest {
  code: string
  status: RequestStatus
  applicantId: number
  applicantOrgId: number
  datasets: string[]
  approvedDatasets: string[] | null
  form: RequestForm
  outcomeReason: string | null
  previousGrantId?: number | null
  version: number
  submittedAt: string
  decidedAt: string | null
}

/** One step of the timeline: engine events and people's operations (`action_*`). */
export interface TimelineEvent {
  type: string
  activityId: string | null
  /** A user id for people's operations; the engine's actor string for engine events. */
  actor: string | null
  actorName?: string | null
  targets: number[] | null
  targetNames?: (string | null)[]
  opinion: string | null
  decision: string | boolean | null
  occurredAt: string
}

export interface WorkflowTask {
  id: string
  requestCode: string
  processKey: string
  activityId: string
  name: string | null
  formKey: string | null
  assignee: string | null
  owner: string | null
  delegationState: string | null
  candidateGroups: string[]
  version: number
  dueAt: string | null
  overdue?: boolean
  createdAt: string
  /** Multi-instance scope, e.g. the owner organisation and its datasets. */
  scope: Record<string, unknown> | null
}

/** One decision on the request behind a previous grant. */
export interface PreviousDecision {
  node: string | null
  actorName: string | null
  outcome: string | boolean | null
  opinion: string | null
  at: string
}

/** What a renewal replaces: the grant as it is now and who decided it last time. */
export interface PreviousGrant {
  id: number
  code: string
  status: GrantStatus
  requestCode: string
  validFrom: string
  validUntil: string
  deliveryModes: RequestDeliveryMode[]
  rowScope: RowScope | null
  datasets: { code: string; name: string; nameEn?: string; fields: string[] }[]
  decisions: PreviousDecision[]
}

export interface RequestDetail extends DataRequest {
  timeline: TimelineEvent[]
  currentTasks: WorkflowTask[]
  previousGrant?: PreviousGrant | null
}

export interface RouteReviewer {
  group: string | null
  label: string
  users: { id: number; name: string }[]
}

export interface RouteStep {
  activityId: string
  name: string | null
  status: 'current' | 'upcoming'
  reviewers: RouteReviewer[]
  dueBy: string | null
  /** The preview followed the approving branch where a decision is still open. */
  assumed: boolean
}

export type RequestQuery = { status?: RequestStatus } & PageQuery

export async function listRequests(query: RequestQuery): Promise<Paginated<DataRequest>> {
  const res = await http.get<Paginated<DataRequest>>('/requests', {
    params: compactParams(query),
  })
  return res.data
}

export async function fetchRequest(code: string): Promise<RequestDetail> {
  const res = await http.get<Envelope<RequestDetail>>(`/requests/${code}`)
  return res.data.data
}

export async function fetchRoute(code: string): Promise<RouteStep[]> {
  const res = await http.get<Envelope<{ steps: RouteStep[] }>>(`/requests/${code}/route`)
  return res.data.data.steps
}

export async function submitRequest(form: SubmitForm): Promise<DataRequest> {
  const res = await http.post<Envelope<DataRequest>>('/requests', form)
  return res.data.data
}

export async function amendRequest(code: string, form: AmendForm): Promise<DataRequest> {
  const res = await http.post<Envelope<DataRequest>>(`/requests/${code}/amend`, form)
  return res.data.data
}

export type EndAction = 'withdraw' | 'cancel'

/** 撤回 (while no reviewer acted) or 取消 (until a decision); both need a reason. */
export async function endRequest(
  code: string,
  action: EndAction,
  reason: string
): Promise<DataRequest> {
  const res = await http.post<Envelope<DataRequest>>(`/requests/${code}/${action}`, { reason })
  return res.data.data
}

/** 催办: 429 with Retry-After when urged less than 30 minutes ago. */
export async function urgeRequest(code: string, note: string | null): Promise<number> {
  const res = await http.post<Envelope<{ reached: number }>>(`/requests/${code}/urge`, { note })
  return res.data.data.reached
}
