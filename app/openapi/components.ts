/** Shared OpenAPI 3.1 components: schemas, security schemes and common responses. */
const nullable = (type: string, extra: Record<string, unknown> = {}) => ({
  type: [type, 'null'],
  ...extra,
})

export const components = {
  securitySchemes: {
    bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/v1/auth/login' },
    session: {
      type: 'apiKey',
      in: 'cookie',
      name: 'ecoshare-session',
      description: 'Browser session; unsafe methods need the X-XSRF-TOKEN header',
    },
  },
  schemas: {
    Error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', examples: ['E_VALIDATION'] },
            message: {
              type: 'string',
              description: 'Localised (zh-CN default, en via Accept-Language)',
            },
            details: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  field: { type: 'string' },
                  rule: { type: 'string' },
                  message: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
    PaginationMeta: {
      type: 'object',
      properties: {
        total: { type: 'integer' },
        perPage: { type: 'integer' },
        currentPage: { type: 'integer' },
        lastPage: { type: 'integer' },
      },
    },
    OrganisationRef: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        code: { type: 'string' },
        name: { type: 'string' },
        type: { type: 'string' },
      },
    },
    User: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        username: { type: 'string' },
        displayName: { type: 'string' },
        email: nullable('string'),
        phone: nullable('string', { description: 'masked, e.g. 138****5678' }),
        organisationId: { type: 'integer' },
        organisation: { $ref: '#/components/schemas/OrganisationRef' },
        roles: {
          type: 'array',
          items: {
            type: 'string',
            enum: [
              'applicant',
              'dept_reviewer',
              'owner_reviewer',
              'security_officer',
              'catalog_admin',
              'process_admin',
              'system_admin',
              'security_admin',
              'audit_admin',
            ],
          },
        },
        status: { type: 'string', enum: ['active', 'disabled'] },
        lockedUntil: nullable('string', { format: 'date-time' }),
        lastLoginAt: nullable('string', { format: 'date-time' }),
        createdAt: { type: 'string', format: 'date-time' },
      },
    },
    CurrentUser: {
      allOf: [
        { $ref: '#/components/schemas/User' },
        {
          type: 'object',
          properties: { permissions: { type: 'array', items: { type: 'string' } } },
        },
      ],
    },
    Organisation: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        code: { type: 'string' },
        name: { type: 'string' },
        nameEn: nullable('string'),
        type: {
          type: 'string',
          enum: [
            'city_bureau',
            'district_bureau',
            'division',
            'city_department',
            'enterprise',
            'social_org',
            'public',
          ],
        },
        parentId: nullable('integer'),
        creditCode: nullable('string', { description: '统一社会信用代码 (GB 32100-2015)' }),
        districtCode: nullable('string'),
        headUserId: nullable('integer'),
        headUser: {
          type: ['object', 'null'],
          properties: { id: { type: 'integer' }, displayName: { type: 'string' } },
        },
        children: { type: 'array', items: { $ref: '#/components/schemas/Organisation' } },
      },
    },
    AuditEvent: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        seq: { type: 'integer' },
        occurredAt: {
          type: 'string',
          format: 'date-time',
          examples: ['2026-11-29T02:00:00.000+00:00'],
        },
        actorId: nullable('integer'),
        actorUsername: nullable('string'),
        organisationId: nullable('integer'),
        action: { type: 'string', examples: ['auth.login'] },
        objectType: nullable('string'),
        objectId: nullable('string'),
        result: { type: 'string', enum: ['success', 'failure', 'denied'] },
        ip: nullable('string'),
        userAgent: nullable('string'),
        details: { type: ['object', 'null'] },
        hash: { type: 'string' },
      },
    },
  },
}

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
})

export const errorResponses = {
  400: error('Malformed request body'),
  401: error('Not authenticated, session expired or invalid credentials'),
  403: error('Authenticated but not allowed'),
  404: error('Not found'),
  409: error('Conflict: changed by someone else since you read it, or still in use'),
  413: error('Body too large'),
  422: error('Validation failed or unknown fields sent'),
}
