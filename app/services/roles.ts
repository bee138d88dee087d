/*
 * The nine roles of DOMAIN.md §4 and what each may do. Permissions are checked
 * server-side by Bouncer policies; the frontend only uses them to shape menus.
 * 三权分立: system, security and audit administration never share a permission.
 */
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

export const PERMISSIONS = [
  'catalog.read',
  'request.create',
  'task.review',
  'catalog.manage',
  'process.manage',
  'calendar.manage',
  'users.read',
  'users.manage',
  'users.unlock',
  'organisations.manage',
  'audit.read',
] as const

export type Permission = (typeof PERMISSIONS)[number]

export const ROLES: Record<RoleCode, { zh: string; en: string; permissions: Permission[] }> = {
  applicant: { zh: '申请人', en: 'Applicant', permissions: ['catalog.read', 'request.create'] },
  dept_reviewer: {
    zh: '部门审核人',
    en: 'Department reviewer',
    permissions: ['catalog.read', 'task.review'],
  },
  owner_reviewer: {
    zh: '数据提供方审核人',
    en: 'Data owner reviewer',
    permissions: ['catalog.read', 'task.review'],
  },
  security_officer: {
    zh: '安全审核员',
    en: 'Security officer',
    permissions: ['catalog.read', 'task.review'],
  },
  catalog_admin: {
    zh: '目录管理员',
    en: 'Catalog admin',
    permissions: ['catalog.read', 'catalog.manage'],
  },
  process_admin: {
    zh: '流程管理员',
    en: 'Process admin',
    permissions: ['catalog.read', 'process.manage', 'calendar.manage'],
  },
  system_admin: {
    zh: '系统管理员',
    en: 'System admin',
    permissions: ['users.read', 'users.manage', 'organisations.manage', 'calendar.manage'],
  },
  security_admin: {
    zh: '安全管理员',
    en: 'Security admin',
    permissions: ['users.read', 'users.unlock'],
  },
  audit_admin: { zh: '审计管理员', en: 'Audit admin', permissions: ['audit.read'] },
}

export function permissionsOf(roles: readonly string[]): Permission[] {
  const granted = new Set<Permission>()
  for (const role of roles) {
    for (const permission of ROLES[role as RoleCode]?.permissions ?? []) granted.add(permission)
  }
  return [...granted].sort()
}

export function isRoleCode(value: string): value is RoleCode {
  return (ROLE_CODES as readonly string[]).includes(value)
}
