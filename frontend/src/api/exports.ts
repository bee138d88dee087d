import { compactParams, http } from './http'
import type { Envelope, PageQuery, Paginated } from './types'

export const EXPORT_FORMATS = ['xlsx', 'csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'expired',
] as const
export type ExportStatus = (typeof EXPORT_STATUSES)[number]

/** An export job as GET /exports returns it. */
export interface ExportJob {
  id: number
  grantId: number
  datasetCode: string
  format: ExportFormat
  fields: string[]
  filters: Record<string, unknown>
  bom: boolean
  status: ExportStatus
  rowsWritten: number
  rowsTotal: number | null
  /** 0–100; 100 once succeeded. */
  progress: number
  bytes: number
  downloadable: boolean
  attempts: number
  errorCode: string | null
  createdAt: string
  finishedAt: string | null
}

/** The body of POST /exports; filters use the data API's query language. */
export interface ExportRequest {
  grantId: number
  datasetCode: string
  format: ExportFormat
  fields?: string[]
  filters?: Record<string, unknown>
  bom?: boolean
}

/** What the new-export dialog needs of a grant. */
export interface ExportableGrant {
  id: number
  code: string
  purpose: string
  deliveryModes: string[]
  /** Effective status (a grant past its end is 'expired' even before the timer runs). */
  status: string
  validUntil: string
  datasets: { code: string; fields: string[] }[]
}

export type ExportQuery = PageQuery & { status?: ExportStatus }

export async function listExports(query: ExportQuery): Promise<Paginated<ExportJob>> {
  const { data } = await http.get<Paginated<ExportJob>>('/exports', {
    params: compactParams(query),
  })
  return data
}

export async function fetchExport(id: number): Promise<ExportJob> {
  const { data } = await http.get<Envelope<ExportJob>>(`/exports/${id}`)
  return data.data
}

/** The same key for the same submission, so a double click creates one job. */
export async function createExport(
  body: ExportRequest,
  idempotencyKey: string
): Promise<ExportJob> {
  const { data } = await http.post<Envelope<ExportJob>>('/exports', body, {
    headers: { 'Idempotency-Key': idempotencyKey },
  })
  return data.data
}

export async function cancelExport(id: number): Promise<ExportJob> {
  const { data } = await http.post<Envelope<ExportJob>>(`/exports/${id}/cancel`)
  return data.data
}

/** A signed link valid for a few minutes; the browser then navigates to it (session cookie). */
export async function exportLink(id: number): Promise<{ url: string; expiresAt: string }> {
  const { data } = await http.post<Envelope<{ url: string; expiresAt: string }>>(
    `/exports/${id}/link`
  )
  return data.data
}

/** My active grants that include the export mode (the only ones an export can use). */
export async function listExportableGrants(): Promise<ExportableGrant[]> {
  const { data } = await http.get<Paginated<ExportableGrant>>('/grants', {
    params: { view: 'mine', status: 'active', perPage: 100 },
  })
  return data.data.filter(
    (grant) => grant.status === 'active' && grant.deliveryModes.includes('export')
  )
}
