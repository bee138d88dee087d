import { test } from '@japa/runner'
import Organisation from '#models/organisation'
import { DEMO_BY_ROLE, auditRows, demoUser, isolate } from '#tests/helpers'

type Role = keyof typeof DEMO_BY_ROLE
interface Case {
  name: string
  method: 'get' | 'post' | 'patch'
  path: (ids: { userId: number; orgId: number }) => string
  body?: () => Record<string, unknown>
  allowed: Partial<Record<Role, number>>
}

let serial = 0
const CASES: Case[] = [
  {
    name: 'list users',
    method: 'get',
    path: () => '/api/v1/admin/users',
    allowed: { system_admin: 200, security_admin: 200 },
  },
  {
    name: 'create user',
    method: 'post',
    path: () => '/api/v1/admin/users',
    body: () => ({
      username: `matrix${++serial}`,
      displayName: '矩阵用户',
      organisationId: 1,
      roles: ['applicant'],
      password: 'Matrix#Pass2026',
    }),
    allowed: { system_admin: 201 },
  },
  {
    name: 'update user',
    method: 'patch',
    path: ({ userId }) => `/api/v1/admin/users/${userId}`,
    body: () => ({ displayName: '改名' }),
    allowed: { system_admin: 200 },
  },
  {
    name: 'unlock user',
    method: 'post',
    path: ({ userId }) => `/api/v1/admin/users/${userId}/unlock`,
    allowed: { security_admin: 200 },
  },
  {
    name: 'organisation tree',
    method: 'get',
    path: () => '/api/v1/admin/organisations/tree',
    allowed: { system_admin: 200, security_admin: 200 },
  },
  {
    name: 'create organisation',
    method: 'post',
    path: () => '/api/v1/admin/organisations',
    body: () => ({ code: `MATRIX-${++serial}`, name: '矩阵测试机构', type: 'social_org' }),
    allowed: { system_admin: 201 },
  },
  {
    name: 'update organisation',
    method: 'patch',
    path: ({ orgId }) => `/api/v1/admin/organisations/${orgId}`,
    body: () => ({ name: '新名称机构' }),
    allowed: { system_admin: 200 },
  },
  {
    name: 'audit events',
    method: 'get',
    path: () => '/api/v1/audit/events',
    allowed: { audit_admin: 200 },
  },
  {
    name: 'audit CSV',
    method: 'get',
    path: () => '/api/v1/audit/events.csv',
    allowed: { audit_admin: 200 },
  },
  {
    name: 'audit verify',
    method: 'get',
    path: () => '/api/v1/audit/verify',
    allowed: { audit_admin: 200 },
  },
]

/*
 * Every admin route × every role: the allowed roles get their success status, every other
 * role 403 (and an authz.denied audit row), anonymous callers 401.
 */
test.group('Admin routes / role matrix', (group) => {
  isolate(group)

  for (const c of CASES) {
    for (const role of Object.keys(DEMO_BY_ROLE) as Role[]) {
      const expected = c.allowed[role] ?? 403
      test(`${c.name} as ${role} → ${expected}`, async ({ client, assert }) => {
        const actor = await demoUser(DEMO_BY_ROLE[role])
        const target = await demoUser('citizen')
        const org = await Organisation.findByOrFail('code', 'SO-0001')
        let request = client[c.method](c.path({ userId: target.id, orgId: org.id }))
        if (c.body) request = request.json(c.body() as never)
        const response = await request.withGuard('api').loginAs(actor)
        response.assertStatus(expected)
        if (expected === 403) {
          const denied = await auditRows('authz.denied').first()
          assert.equal(denied?.actor_username, actor.username)
        }
      })
    }
    test(`${c.name} with an invalid token → 401`, async ({ client, assert }) => {
      const response = await client[c.method](c.path({ userId: 1, orgId: 1 })).bearerToken(
        'eco_forged.token'
      )
      response.assertStatus(401)
      assert.equal(response.body().error.code, 'E_UNAUTHENTICATED')
    })
  }
})
