import { authed, dataOf, json, pick, query, page, type Paths } from '#openapi/helpers'

const numericId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^\\d+$' },
}
const meta = { $ref: '#/components/schemas/PaginationMeta' }

const version = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    version: { type: 'integer' },
    name: { type: 'string' },
    deployedAt: { type: 'string', format: 'date-time' },
    runningInstances: { type: 'integer' },
  },
}
const definition = {
  type: 'object',
  properties: {
    key: { type: 'string', examples: ['data_request'] },
    name: { type: 'string' },
    latestVersion: { type: 'integer' },
    runningInstances: { type: 'integer', description: 'over all versions' },
    versions: { type: 'array', items: version, description: 'newest first' },
  },
}
const deployed = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    key: { type: 'string' },
    name: { type: 'string' },
    version: { type: 'integer' },
    created: { type: 'boolean', description: 'false when identical XML was already the latest' },
  },
}
const incident = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    instanceId: { type: 'string' },
    externalTaskId: { type: 'string' },
    activityId: { type: 'string' },
    message: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
  },
}

export const processAdminPaths: Paths = {
  '/api/v1/process-admin/definitions': {
    get: {
      tags: ['process-admin'],
      summary: 'Deployed processes with their versions and running instances per version',
      security: authed,
      parameters: [...page],
      responses: {
        200: json({
          type: 'object',
          properties: { data: { type: 'array', items: definition }, meta },
        }),
        ...pick(401, 403, 422),
      },
    },
    post: {
      tags: ['process-admin'],
      summary: 'Deploy a new version from BPMN XML (linted first)',
      security: authed,
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          additionalProperties: false,
          required: ['xml'],
          properties: { name: { type: 'string' }, xml: { type: 'string' } },
        }),
      },
      responses: {
        201: dataOf(deployed),
        200: {
          description: 'Identical to the latest version: nothing deployed',
          ...dataOf(deployed),
        },
        ...pick(401, 403, 422),
      },
    },
  },
  '/api/v1/process-admin/definitions/{id}': {
    get: {
      tags: ['process-admin'],
      summary: 'One version with its BPMN XML',
      security: authed,
      parameters: [numericId],
      responses: {
        200: dataOf({
          ...version,
          properties: { ...version.properties, key: { type: 'string' }, xml: { type: 'string' } },
        }),
        ...pick(401, 403, 404),
      },
    },
  },
  '/api/v1/process-admin/incidents': {
    get: {
      tags: ['process-admin'],
      summary: 'Open incidents (external tasks out of retries)',
      security: authed,
      parameters: [...page, query('instanceId', { type: 'string' })],
      responses: {
        200: json({
          type: 'object',
          properties: { data: { type: 'array', items: incident }, meta },
        }),
        ...pick(401, 403, 422),
      },
    },
  },
  '/api/v1/process-admin/incidents/{id}/retry': {
    post: {
      tags: ['process-admin'],
      summary: 'Retry an incident, optionally fixing process variables first',
      security: authed,
      parameters: [numericId],
      requestBody: {
        ...json({
          type: 'object',
          additionalProperties: false,
          properties: {
            retries: { type: 'integer', minimum: 1, maximum: 10 },
            variables: { type: 'object' },
          },
        }),
      },
      responses: {
        200: dataOf({
          type: 'object',
          properties: { incident, resolved: { type: 'boolean' } },
        }),
        ...pick(401, 403, 404, 422),
      },
    },
  },
}
