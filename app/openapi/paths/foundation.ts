import {
  authed,
  dataOf,
  idParam,
  json,
  listOf,
  page,
  pick,
  query,
  ref,
  type Paths,
} from '#openapi/helpers'

const loginBody = {
  required: true,
  ...json({
    type: 'object',
    required: ['username', 'password'],
    additionalProperties: false,
    properties: { username: { type: 'string' }, password: { type: 'string' } },
  }),
}

const userWrite = (required: string[]) => ({
  required: true,
  ...json({
    type: 'object',
    required,
    additionalProperties: false,
    properties: {
      username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{2,63}$' },
      displayName: { type: 'string' },
      email: { type: ['string', 'null'], format: 'email' },
      phone: { type: ['string', 'null'], pattern: '^1[3-9]\\d{9}$' },
      organisationId: { type: 'integer' },
      roles: { type: 'array', items: { type: 'string' } },
      status: { type: 'string', enum: ['active', 'disabled'] },
      password: {
        type: 'string',
        minLength: 10,
        description: '≥ 10 characters, 3 of 4 classes, not containing the username',
      },
    },
  }),
})

const orgWrite = (required: string[]) => ({
  required: true,
  ...json({
    type: 'object',
    required,
    additionalProperties: false,
    properties: {
      code: { type: 'string' },
      name: { type: 'string' },
      nameEn: { type: ['string', 'null'] },
      type: { type: 'string' },
      parentId: { type: ['integer', 'null'] },
      creditCode: { type: ['string', 'null'], minLength: 18, maxLength: 18 },
      districtCode: { type: ['string', 'null'] },
      headUserId: { type: ['integer', 'null'] },
    },
  }),
})

const auditFilters = [
  ...page,
  query('action', { type: 'string' }),
  query('actor', { type: 'string' }, 'actor username'),
  query('result', { type: 'string', enum: ['success', 'failure', 'denied'] }),
  query('objectType', { type: 'string' }),
  query('objectId', { type: 'string' }),
  query('from', { type: 'string', format: 'date-time' }),
  query('to', { type: 'string', format: 'date-time' }),
]

export const foundationPaths: Paths = {
  '/health': {
    get: {
      tags: ['system'],
      summary: 'Health with a real database round trip',
      responses: {
        200: json({
          type: 'object',
          properties: {
            status: { const: 'ok' },
            db: { enum: ['sqlite', 'mysql'] },
            engine: { type: 'string' },
          },
        }),
        503: { description: 'Database unreachable' },
      },
    },
  },
  '/api/openapi.json': {
    get: {
      tags: ['system'],
      summary: 'This document',
      responses: { 200: { description: 'OpenAPI 3.1 JSON' } },
    },
  },
  '/api/v1/auth/csrf': {
    get: {
      tags: ['auth'],
      summary: 'Sets the XSRF-TOKEN cookie a browser sends back as X-XSRF-TOKEN',
      responses: { 204: { description: 'Cookie set' } },
    },
  },
  '/api/v1/auth/session': {
    post: {
      tags: ['auth'],
      summary: 'Browser login (cookie session)',
      requestBody: loginBody,
      responses: { 200: dataOf(ref('CurrentUser')), ...pick(400, 401, 422) },
    },
    delete: {
      tags: ['auth'],
      summary: 'Browser logout',
      security: [{ session: [] }],
      responses: { 204: { description: 'Logged out' }, ...pick(401) },
    },
  },
  '/api/v1/auth/login': {
    post: {
      tags: ['auth'],
      summary: 'API-client login: returns a bearer token (stored hashed)',
      requestBody: loginBody,
      responses: {
        200: dataOf({
          type: 'object',
          properties: {
            type: { const: 'bearer' },
            token: { type: 'string' },
            expiresAt: { type: ['string', 'null'] },
            user: ref('CurrentUser'),
          },
        }),
        ...pick(400, 401, 422),
      },
    },
  },
  '/api/v1/auth/logout': {
    post: {
      tags: ['auth'],
      summary: 'Revoke the bearer token used',
      security: [{ bearer: [] }],
      responses: { 204: { description: 'Revoked' }, ...pick(401) },
    },
  },
  '/api/v1/me': {
    get: {
      tags: ['auth'],
      summary: 'Current user with roles and permissions',
      security: authed,
      responses: { 200: dataOf(ref('CurrentUser')), ...pick(401) },
    },
  },
  '/api/v1/admin/users': {
    get: {
      tags: ['admin'],
      summary: 'List users (system/security admin)',
      security: authed,
      parameters: [
        ...page,
        query('q', { type: 'string' }),
        query('organisationId', { type: 'integer' }),
        query('role', { type: 'string' }),
        query('status', { type: 'string' }),
      ],
      responses: { 200: listOf('User'), ...pick(401, 403, 422) },
    },
    post: {
      tags: ['admin'],
      summary: 'Create a user (system admin)',
      security: authed,
      requestBody: userWrite(['username', 'displayName', 'organisationId', 'roles', 'password']),
      responses: { 201: dataOf(ref('User')), ...pick(400, 401, 403, 413, 422) },
    },
  },
  '/api/v1/admin/users/{id}': {
    patch: {
      tags: ['admin'],
      summary: 'Update a user (system admin)',
      security: authed,
      parameters: [idParam],
      requestBody: userWrite([]),
      responses: { 200: dataOf(ref('User')), ...pick(400, 401, 403, 404, 413, 422) },
    },
  },
  '/api/v1/admin/users/{id}/unlock': {
    post: {
      tags: ['admin'],
      summary: 'Clear a login lockout (security admin)',
      security: authed,
      parameters: [idParam],
      responses: { 200: dataOf(ref('User')), ...pick(401, 403, 404) },
    },
  },
  '/api/v1/admin/organisations/tree': {
    get: {
      tags: ['admin'],
      summary: 'Organisation tree',
      security: authed,
      responses: { 200: dataOf({ type: 'array', items: ref('Organisation') }), ...pick(401, 403) },
    },
  },
  '/api/v1/admin/organisations': {
    post: {
      tags: ['admin'],
      summary: 'Create an organisation (system admin)',
      security: authed,
      requestBody: orgWrite(['code', 'name', 'type']),
      responses: { 201: dataOf(ref('Organisation')), ...pick(400, 401, 403, 422) },
    },
  },
  '/api/v1/admin/organisations/{id}': {
    patch: {
      tags: ['admin'],
      summary: 'Update an organisation (system admin)',
      security: authed,
      parameters: [idParam],
      requestBody: orgWrite([]),
      responses: { 200: dataOf(ref('Organisation')), ...pick(400, 401, 403, 404, 422) },
    },
  },
  '/api/v1/audit/events': {
    get: {
      tags: ['audit'],
      summary: 'Audit trail (audit admin only)',
      security: authed,
      parameters: auditFilters,
      responses: { 200: listOf('AuditEvent'), ...pick(401, 403, 422) },
    },
  },
  '/api/v1/audit/events.csv': {
    get: {
      tags: ['audit'],
      summary: 'Audit trail as CSV (UTF-8 with BOM), same filters',
      security: authed,
      parameters: auditFilters.slice(2),
      responses: {
        200: { description: 'CSV', content: { 'text/csv': {} } },
        ...pick(401, 403, 422),
      },
    },
  },
  '/api/v1/audit/verify': {
    get: {
      tags: ['audit'],
      summary: 'Verify the hash chain',
      security: authed,
      responses: {
        200: dataOf({
          type: 'object',
          properties: {
            ok: { type: 'boolean' },
            checked: { type: 'integer' },
            headSeq: { type: 'integer' },
            breaks: { type: 'array' },
          },
        }),
        ...pick(401, 403),
      },
    },
  },
}
