import { authed, dataOf, idParam, json, pick, query, page, type Paths } from '#openapi/helpers'

const grant = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    code: { type: 'string', examples: ['grant-REQ-20261129-1A2B3C4D'] },
    requestCode: { type: 'string' },
    applicantId: { type: 'integer' },
    applicantOrgId: { type: 'integer' },
    applicantOrgName: {
      type: ['string', 'null'],
      description: 'The holder organisation, so owners know whom they suspend',
    },
    datasets: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          ownerOrgId: { type: 'integer' },
          fields: { type: 'array', items: { type: 'string' } },
          labelScope: { type: 'object' },
        },
      },
    },
    rowScope: {
      type: 'object',
      description:
        'districts / enterprises / stations / sections (IN-lists), from / to (time field)',
      examples: [{ districts: ['420102'], from: '2026-01-01' }],
    },
    purpose: { type: 'string' },
    scenario: { type: 'string' },
    deliveryModes: { type: 'array', items: { type: 'string' } },
    decision: { type: 'object' },
    validFrom: { type: 'string', format: 'date-time' },
    validUntil: { type: 'string', format: 'date-time' },
    quota: {
      type: 'object',
      properties: { rowsPerDay: { type: 'integer' }, callsPerMinute: { type: 'integer' } },
    },
    status: { type: 'string', enum: ['active', 'suspended', 'revoked', 'expired'] },
    statusReason: { type: ['string', 'null'] },
    version: { type: 'integer' },
  },
}

const apiKey = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    prefix: { type: 'string', examples: ['eco_live_Ab3dE9'] },
    status: { type: 'string', enum: ['active', 'revoked'] },
    grantIds: { type: 'array', items: { type: 'integer' } },
    expiresAt: { type: 'string', format: 'date-time' },
    lastUsedAt: { type: ['string', 'null'], format: 'date-time' },
    secret: {
      type: 'string',
      description: 'Only in the issue and rotate responses; store it, it is never shown again',
      examples: ['eco_live_q3Jx…(43 characters)'],
    },
  },
}

const reasonBody = {
  required: true,
  ...json({
    type: 'object',
    additionalProperties: false,
    required: ['reason'],
    properties: { reason: { type: 'string', maxLength: 500 } },
  }),
}

const list = (item: unknown) =>
  json({
    type: 'object',
    properties: {
      data: { type: 'array', items: item },
      meta: { $ref: '#/components/schemas/PaginationMeta' },
    },
  })

const tooMany = {
  description: 'Quota: calls per minute or rows per day of the grant used up',
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds' } },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
}

const quotaBody = {
  required: true,
  ...json({
    type: 'object',
    additionalProperties: false,
    required: ['reason'],
    properties: {
      rowsPerDay: { type: 'integer', minimum: 1, description: 'at most GRANT_ROWS_PER_DAY' },
      callsPerMinute: {
        type: 'integer',
        minimum: 1,
        description: 'at most GRANT_CALLS_PER_MINUTE',
      },
      reason: { type: 'string', maxLength: 500 },
    },
  }),
}

const grantAction = (summary: string, requestBody: object = reasonBody) => ({
  post: {
    tags: ['grants'],
    summary,
    security: authed,
    parameters: [idParam],
    requestBody,
    responses: {
      200: dataOf(grant),
      409: { description: 'Not possible in the current status' },
      ...pick(401, 403, 404, 422),
    },
  },
})

const usageFilters = [
  query('grantId', { type: 'integer' }),
  query('datasetCode', { type: 'string' }),
  query('from', { type: 'string', format: 'date' }),
  query('to', { type: 'string', format: 'date' }, 'exclusive'),
]

/** Time range and field filters, shared by the data API and the visual query. */
export const filterParams = [
  query(
    'from',
    { type: 'string' },
    'time field ≥ (ISO date or date-time, China time without zone)'
  ),
  query('to', { type: 'string' }, 'time field < (exclusive)'),
  {
    name: '{field}',
    in: 'query',
    schema: { type: 'string' },
    description:
      'Any schema field: `F=v` equality, `F[gte]=`, `F[gt]=`, `F[lte]=`, `F[lt]=`, `F[in]=a,b`; every field must be in the grant (else 403). Example: `pm25[gte]=75&district_code[in]=420102,420103`',
  },
]

const dataParams = [
  {
    name: 'datasetCode',
    in: 'path',
    required: true,
    schema: { type: 'string' },
    example: 'EQ-AIR-002',
  },
  { name: 'X-API-Key', in: 'header', required: true, schema: { type: 'string' } },
  query(
    'fields',
    { type: 'string' },
    'comma-separated; every field must be in the grant (else 403)'
  ),
  query('sort', { type: 'string' }, 'e.g. `-observed_at,station_code`; non-null fields only'),
  query('limit', { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1000 }),
  query(
    'cursor',
    { type: 'string' },
    'meta.nextCursor of the previous page (opaque, tamper-checked)'
  ),
  query('format', { type: 'string', enum: ['json', 'ndjson', 'csv'], default: 'json' }),
  query('bom', { type: 'boolean' }, 'CSV: prefix a UTF-8 BOM so Excel reads Chinese text'),
  ...filterParams,
]

export const deliveryPaths: Paths = {
  '/api/v1/grants': {
    get: {
      tags: ['grants'],
      summary:
        'Grants: view=mine (applicant), owned (my organisation’s datasets), all (security officer, audit admin)',
      security: authed,
      parameters: [
        ...page,
        query('view', { enum: ['mine', 'owned', 'all'] }),
        query('status', { type: 'string' }),
      ],
      responses: { 200: list(grant), ...pick(401, 403, 422) },
    },
  },
  '/api/v1/grants/{id}': {
    get: {
      tags: ['grants'],
      summary: 'One grant (404 for grants the caller may not see)',
      security: authed,
      parameters: [idParam],
      responses: { 200: dataOf(grant), ...pick(401, 404) },
    },
  },
  '/api/v1/grants/{id}/suspend': grantAction('Suspend (owner or security officer; audited)'),
  '/api/v1/grants/{id}/resume': grantAction('Resume a suspended grant'),
  '/api/v1/grants/{id}/revoke': grantAction('Revoke: effective on the next data call'),
  '/api/v1/grants/{id}/quota': grantAction(
    "Change the grant's quota within the platform limits (owner or security officer; audited)",
    quotaBody
  ),
  '/api/v1/api-keys': {
    post: {
      tags: ['api-keys'],
      summary: 'Issue a key for some of my grants; the secret is in this response only',
      security: authed,
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          additionalProperties: false,
          required: ['name', 'grantIds'],
          properties: {
            name: { type: 'string' },
            grantIds: { type: 'array', items: { type: 'integer' } },
            expiresInDays: { type: 'integer', minimum: 1, maximum: 366, default: 90 },
          },
          examples: [{ name: '溯源分析系统', grantIds: [12], expiresInDays: 90 }],
        }),
      },
      responses: {
        201: dataOf(apiKey),
        409: { description: 'A grant is not active or has no api mode' },
        ...pick(401, 403, 404, 422),
      },
    },
    get: {
      tags: ['api-keys'],
      summary: 'My keys (never the secret)',
      security: authed,
      parameters: page,
      responses: { 200: list(apiKey), ...pick(401, 422) },
    },
  },
  '/api/v1/api-keys/{id}': {
    get: {
      tags: ['api-keys'],
      summary: 'One of my keys',
      security: authed,
      parameters: [idParam],
      responses: { 200: dataOf(apiKey), ...pick(401, 404) },
    },
  },
  '/api/v1/api-keys/{id}/rotate': {
    post: {
      tags: ['api-keys'],
      summary: 'New secret for the same key and grants; the old secret stops at once',
      security: authed,
      parameters: [idParam],
      responses: {
        200: dataOf(apiKey),
        409: { description: 'Key revoked or expired' },
        ...pick(401, 404),
      },
    },
  },
  '/api/v1/api-keys/{id}/revoke': {
    post: {
      tags: ['api-keys'],
      summary: 'Revoke a key',
      security: authed,
      parameters: [idParam],
      responses: { 200: dataOf(apiKey), ...pick(401, 404) },
    },
  },
  '/api/v1/usage': {
    get: {
      tags: ['usage'],
      summary:
        'Usage trail: my calls; owners also calls on their datasets; audit admin / security officer all',
      security: authed,
      parameters: [
        ...page,
        ...usageFilters,
        query('result', { enum: ['success', 'denied', 'error', 'aborted'] }),
      ],
      responses: { 200: list({ type: 'object' }), ...pick(401, 404, 422) },
    },
  },
  '/api/v1/usage/stats': {
    get: {
      tags: ['usage'],
      summary:
        'Records shared per day / month / year (China time), optionally by dataset, consumer or mode',
      security: authed,
      parameters: [
        ...usageFilters,
        query('period', { enum: ['day', 'month', 'year'] }),
        query('by', { enum: ['dataset', 'consumer', 'mode'] }),
      ],
      responses: {
        200: dataOf({
          type: 'array',
          items: {
            type: 'object',
            examples: [
              {
                period: '2026-11-29',
                dataset: 'EQ-AIR-002',
                records: 1200,
                calls: 3,
                bytes: 240000,
              },
              {
                period: '2026-11',
                consumer: '7',
                consumerName: '江城市水利和湖泊局',
                records: 5400,
                calls: 12,
                bytes: 1080000,
              },
            ],
          },
        }),
        ...pick(401, 404, 422),
      },
    },
  },
  '/api/v1/data/{datasetCode}/records': {
    get: {
      tags: ['data'],
      summary: 'Granted records, streamed (JSON, NDJSON, CSV); authenticated by X-API-Key only',
      description:
        'Rows outside the grant never appear; fields outside it are 403. A key in the query string is refused (400). Every call is logged in the usage trail.\n\n' +
        '`curl -H "X-API-Key: $KEY" "/api/v1/data/EQ-AIR-002/records?fields=station_code,observed_at,pm25&pm25[gte]=75&limit=500"`',
      security: [{ apiKey: [] }],
      parameters: dataParams,
      responses: {
        200: {
          description:
            'Rows; JSON `{data, meta:{rows,nextCursor}}`, NDJSON ends with a `{"meta":…}` line, CSV has the cursor in the X-Next-Cursor trailer',
          content: {
            'application/json': {
              schema: { type: 'object' },
              example: {
                data: [{ station_code: 'AS001', observed_at: '2026-01-01T03:00:00Z', pm25: 81 }],
                meta: { rows: 1, nextCursor: null },
              },
            },
            'application/x-ndjson': { schema: { type: 'string' } },
            'text/csv': {
              schema: { type: 'string' },
              example: 'station_code,observed_at,pm25\r\nAS001,2026-01-01T03:00:00Z,81\r\n',
            },
          },
        },
        429: tooMany,
        ...pick(400, 401, 403, 404, 422),
      },
    },
  },
}

export const deliverySecuritySchemes = {
  apiKey: {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
    description: 'From POST /api/v1/api-keys; header only, a key in the query string is refused',
  },
}
