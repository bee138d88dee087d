import { authed, dataOf, idParam, json, pick, query, page, type Paths } from '#openapi/helpers'

const exportJob = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    userId: { type: 'integer' },
    grantId: { type: 'integer' },
    datasetCode: { type: 'string', examples: ['EQ-AIR-002'] },
    format: { type: 'string', enum: ['csv', 'xlsx', 'json'] },
    fields: { type: 'array', items: { type: 'string' } },
    filters: { type: 'object' },
    bom: { type: 'boolean' },
    status: {
      type: 'string',
      enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'expired'],
    },
    rowsWritten: { type: 'integer' },
    rowsTotal: { type: ['integer', 'null'], description: 'counted before writing starts' },
    progress: { type: 'integer', minimum: 0, maximum: 100 },
    bytes: { type: 'integer' },
    downloadable: { type: 'boolean' },
    attempts: { type: 'integer' },
    errorCode: {
      type: ['string', 'null'],
      examples: [
        'E_EXPORT_TOO_MANY_ROWS',
        'E_EXPORT_TOO_LARGE',
        'E_QUOTA_EXCEEDED',
        'E_GRANT_REVOKED',
        'E_EXPORT_RUNNER_LOST',
      ],
    },
    errorMessage: {
      type: ['string', 'null'],
      description: 'the last attempt’s error; only in the admins’ list (`all=1`)',
    },
    nextAttemptAt: { type: ['string', 'null'], format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
  },
}

const limited = (description: string) => ({
  description,
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds' } },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
})
const gone = { description: 'Link expired, or the file was cleaned up (EXPORT_RETENTION_HOURS)' }
const conflict = { description: 'Not possible in the current status' }
const action = (summary: string, extra: Record<string, unknown> = {}) => ({
  post: {
    tags: ['exports'],
    summary,
    security: authed,
    parameters: [idParam],
    responses: { 200: dataOf(exportJob), 409: conflict, ...pick(401, 404), ...extra },
  },
})

export const exportPaths: Paths = {
  '/api/v1/exports': {
    post: {
      tags: ['exports'],
      summary: 'Queue a file export of granted rows (202); the grant needs the export mode',
      description:
        'Filters use the data API query language as an object. Fields outside the grant are 403 `E_FIELDS_NOT_GRANTED`; rows outside its scope never appear. Send `Idempotency-Key` to make a double submit return the same job.',
      security: authed,
      parameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,100}$' },
        },
      ],
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          additionalProperties: false,
          required: ['grantId', 'datasetCode', 'format'],
          properties: {
            grantId: { type: 'integer' },
            datasetCode: { type: 'string' },
            format: { type: 'string', enum: ['csv', 'xlsx', 'json'] },
            fields: { type: 'array', items: { type: 'string' } },
            filters: { type: 'object' },
            bom: { type: 'boolean', description: 'CSV: UTF-8 BOM for Excel' },
          },
          examples: [
            {
              grantId: 12,
              datasetCode: 'EQ-AIR-002',
              format: 'xlsx',
              fields: ['station_code', 'observed_at', 'pm25'],
              filters: { pm25: { gte: 75 }, from: '2026-01-01' },
            },
          ],
        }),
      },
      responses: {
        202: dataOf(exportJob),
        429: limited('Too many open exports, calls per minute or rows per day used up'),
        ...pick(401, 403, 404, 422),
      },
    },
    get: {
      tags: ['exports'],
      summary: 'My exports; `all=1` every user’s (system admin, security officer)',
      security: authed,
      parameters: [...page, query('status', { type: 'string' }), query('all', { type: 'boolean' })],
      responses: {
        200: json({ type: 'object', properties: { data: { type: 'array', items: exportJob } } }),
        ...pick(401, 403, 422),
      },
    },
  },
  '/api/v1/exports/{id}': {
    get: {
      tags: ['exports'],
      summary: 'One of my exports (progress while running)',
      security: authed,
      parameters: [idParam],
      responses: { 200: dataOf(exportJob), ...pick(401, 404) },
    },
  },
  '/api/v1/exports/{id}/cancel': action('Cancel a queued or running export'),
  '/api/v1/exports/{id}/retry': action(
    'Run a failed export again (system admin, security officer)',
    pick(403)
  ),
  '/api/v1/exports/{id}/link': {
    post: {
      tags: ['exports'],
      summary: 'A signed download link valid for EXPORT_LINK_MINUTES (default 5)',
      security: authed,
      parameters: [idParam],
      responses: {
        200: dataOf({
          type: 'object',
          properties: {
            url: { type: 'string' },
            expiresAt: { type: 'string', format: 'date-time' },
          },
        }),
        409: conflict,
        ...pick(401, 403, 404),
      },
    },
  },
  '/api/v1/exports/{id}/download': {
    get: {
      tags: ['exports'],
      summary: 'The file, for its owner with a valid link; the grant is checked again',
      security: authed,
      parameters: [
        idParam,
        query('expires', { type: 'integer' }),
        query('signature', { type: 'string' }),
      ],
      responses: {
        200: { description: 'The file (attachment, RFC 5987 file name, Cache-Control: no-store)' },
        401: { description: 'Not signed in, or the link signature does not match' },
        410: gone,
        ...pick(403, 404),
      },
    },
  },
}
