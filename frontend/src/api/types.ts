/** Shapes shared by several resources of the /api/v1 contract. */

export const ROLE_CODES = [
  'applicant',
  'dept_reviewer',
  'owner_reviewer',
  'security_officer',
  'catalog_admin',
  'process_admin',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const
export type RoleCode = (typeof ROLE_CODES)[number]

export const ORG_TYPES = [
  'city_bureau',
  'district_bureau',
  'division',
  'city_department',
  'enterprise',
  'social_org',
  'public',
] as const
export type OrgType = (typeof ORG_TYPES)[number]

export type UserStatus = 'active' | 'disabled'

export interface Envelope<T> {
  data: T
}

export interface PageMeta {
  total: number
  perPage: number
  currentPage: number
  lastPage: number
}

export interface Paginated<T> {
  data: T[]
  meta: PageMeta
}

export interface PageQuery {
  page: number
  perPage: number
}

export interface OrganisationRef {
  id: number
  code: string
  name: string
  type: OrgType
}

export interface User {
  id: number
  username: string
  displayName: string
  email: string | null
  /** Masked by the server (138****5678); never send it back unchanged. */
  phone: string | null
  organisationId: number
  organisation: OrganisationRef
  roles: RoleCode[]
  status: UserStatus
  /** Set while the account is locked after repeated failed logins. */
  lockedUntil?: string | null
  lastLoginAt: string | null
  createdAt: string
}

export interface CurrentUser extends User {
  permissions: string[]
}

/** One entry of `error.details` on a 422. */
export interface FieldError {
  field: string
  message: string
  rule: string
  /** E_DATASET_NOT_SHARED: the refused dataset and its stated legal basis. */
  code?: string
  legalBasis?: string | null
}

export interface ErrorBody {
  error: {
    code: string
    message: string
    details?: FieldError[]
  }
}
