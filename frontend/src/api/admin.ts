import { compactParams, http } from './http'
import type { Envelope, OrgType, PageQuery, Paginated, RoleCode, User, UserStatus } from './types'

export interface UserQuery extends PageQuery {
  q?: string
  organisationId?: number
  role?: RoleCode
}

export interface CreateUserBody {
  username: string
  displayName: string
  email?: string
  phone?: string
  organisationId: number
  roles: RoleCode[]
  password: string
}

/** PATCH sends only what changed; username is immutable. */
export interface UpdateUserBody {
  displayName?: string
  email?: string | null
  phone?: string | null
  organisationId?: number
  roles?: RoleCode[]
  status?: UserStatus
  password?: string
}

export interface Organisation {
  id: number
  code: string
  name: string
  nameEn: string | null
  type: OrgType
  parentId: number | null
  creditCode: string | null
  headUserId: number | null
  headUser: { id: number; displayName: string } | null
  children: Organisation[]
}

export async function listUsers(query: UserQuery): Promise<Paginated<User>> {
  const res = await http.get<Paginated<User>>('/admin/users', { params: compactParams(query) })
  return res.data
}

export async function createUser(body: CreateUserBody): Promise<User> {
  const res = await http.post<Envelope<User>>('/admin/users', body)
  return res.data.data
}

export async function updateUser(id: number, body: UpdateUserBody): Promise<User> {
  const res = await http.patch<Envelope<User>>(`/admin/users/${id}`, body)
  return res.data.data
}

/** Ends a login lockout early (security admin duty). */
export async function unlockUser(id: number): Promise<User> {
  const res = await http.post<Envelope<User>>(`/admin/users/${id}/unlock`)
  return res.data.data
}

export async function fetchOrganisationTree(): Promise<Organisation[]> {
  const res = await http.get<Envelope<Organisation[]>>('/admin/organisations/tree')
  return res.data.data
}
