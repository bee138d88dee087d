import { http } from './http'
import type { Envelope, PageQuery, Paginated } from './types'

export type ApiKeyStatus = 'active' | 'revoked'

export interface ApiKey {
  id: number
  name: string
  /** The first 15 characters; the secret itself is never listed. */
  prefix: string
  status: ApiKeyStatus
  grantIds: number[]
  expiresAt: string
  lastUsedAt: string | null
  rotatedAt: string | null
  revokedAt: string | null
  createdAt: string
}

/** Issue and rotate answer the secret once; nothing can show it again. */
export interface IssuedApiKey extends ApiKey {
  secret: string
}

export interface IssueKeyForm {
  name: string
  grantIds: number[]
  /** 1–366, 90 when absent. */
  expiresInDays?: number
}

export async function listApiKeys(query: PageQuery): Promise<Paginated<ApiKey>> {
  const res = await http.get<Paginated<ApiKey>>('/api-keys', { params: query })
  return res.data
}

export async function issueApiKey(form: IssueKeyForm): Promise<IssuedApiKey> {
  const res = await http.post<Envelope<IssuedApiKey>>('/api-keys', form)
  return res.data.data
}

export async function rotateApiKey(id: number): Promise<IssuedApiKey> {
  const res = await http.post<Envelope<IssuedApiKey>>(`/api-keys/${id}/rotate`)
  return res.data.data
}

export async function revokeApiKey(id: number): Promise<ApiKey> {
  const res = await http.post<Envelope<ApiKey>>(`/api-keys/${id}/revoke`)
  return res.data.data
}
