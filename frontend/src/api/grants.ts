import { compactParams, http } from './http'
import type { Envelope, PageQuery, Paginated } from './types'
import type { RequestDeliveryMode } from './requests'

export const GRANT_STATUSES = ['active', 'suspended', 'revoked', 'expired'] as const
export type GrantStatus = (typeof GRANT_STATUSES)[number]

/** mine: the applicant's own; owned: grants on my organisation's datasets; all: security officer. */
export const GRANT_VIEWS = ['mine', 'owned', 'all'] as const
export type GrantView = (typeof GRANT_VIEWS)[number]

export const SCOPE_DIMENSIONS = ['districts', 'stations', 'sections', 'enterprises'] as const
export type ScopeDimension = (typeof SCOPE_DIMENSIONS)[number]

/** Row scope by dimension; an absent dimension does not narrow, a present one is an IN-list. */
export type RowScope = Partial<Record<ScopeDimension, string[]>> & {
  /** YYYY-MM-DD */
  from?: string
  to?: string
  /** The applicant's own words, kept for reviewers; narrows nothing. */
  note?: string
}

export interface GrantDataset {
  code: string
  ownerOrgId: number
  fields: string[]
  labelScope: { sharingScopes: string[]; classificationLevels: string[] }
}

export interface Grant {
  id: number
  code: string
  requestCode: string
  applicantId: number
  applicantOrgId: number
  /** The holder organisation (owners and the security officer act on others' grants). */
  applicantOrgName: string | null
  datasets: GrantDataset[]
  rowScope: RowScope
  purpose: string
  scenario: string
  deliveryModes: RequestDeliveryMode[]
  decision: { requestStatus: string; approvedDatasets: string[]; decidedAt: string | null }
  validFrom: string
  validUntil: string
  quota: { rowsPerDay: number; callsPerMinute: number }
  /** Effective now: an active grant past its end reads `expired` even before the timer ran. */
  status: GrantStatus
  statusReason: string | null
  version: number
  createdAt: string
}

export type GrantQuery = { view?: GrantView; status?: GrantStatus } & PageQuery
export type GrantAction = 'suspend' | 'resume' | 'revoke'

export async function listGrants(query: GrantQuery): Promise<Paginated<Grant>> {
  const res = await http.get<Paginated<Grant>>('/grants', { params: compactParams(query) })
  return res.data
}

export async function fetchGrant(id: number): Promise<Grant> {
  const res = await http.get<Envelope<Grant>>(`/grants/${id}`)
  return res.data.data
}

/** Owners of one of its datasets and the security officer; the reason is audited. */
export async function changeGrantStatus(
  id: number,
  action: GrantAction,
  reason: string
): Promise<Grant> {
  const res = await http.post<Envelope<Grant>>(`/grants/${id}/${action}`, { reason })
  return res.data.data
}

/** Owners and the security officer, within the platform limits (more is 422); audited. */
export async function changeGrantQuota(
  id: number,
  change: { rowsPerDay?: number; callsPerMinute?: number; reason: string }
): Promise<Grant> {
  const res = await http.post<Envelope<Grant>>(`/grants/${id}/quota`, change)
  return res.data.data
}
