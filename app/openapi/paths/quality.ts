import { authed, dataOf, json, page, pick, query, type Paths } from '#openapi/helpers'

const qualityCase = {
  type: 'object',
  properties: {
    code: { type: 'string', examples: ['QC-20261129-1A2B3C4D'] },
    dataset: { type: ['object', 'null'] },
    provider: { type: ['object', 'null'] },
    rule: { type: 'string', examples: ['completeness'] },
    description: { type: 'string' },
    targetScore: { type: 'number' },
    roundWorkingDays: { type: 'integer' },
    status: { enum: ['opened', 'rectifying', 'verifying', 'closed'] },
    round: { type: 'integer' },
    escalated: { type: 'boolean' },
    openedAt: { type: 'string', format: 'date-time' },
    closedAt: { type: ['string', 'null'], format: 'date-time' },
  },
}

export const qualityPaths: Paths = {
  '/api/v1/quality/cases': {
    post: {
      tags: ['quality'],
      summary: '质量整改: open a rectification case for a dataset that failed a quality check',
      description:
        'Catalog admins. The provider organisation’s owner reviewers rectify (rounds with working-day deadlines, escalation to their head when overdue), the platform rechecks, a catalog admin verifies.',
      security: authed,
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          additionalProperties: false,
          required: ['datasetCode', 'rule', 'description', 'targetScore'],
          properties: {
            datasetCode: { type: 'string' },
            rule: { type: 'string', examples: ['completeness'] },
            description: { type: 'string' },
            targetScore: { type: 'number', minimum: 0, maximum: 100 },
            roundWorkingDays: { type: 'integer', minimum: 1, maximum: 30, default: 5 },
          },
        }),
      },
      responses: { 201: dataOf(qualityCase), ...pick(401, 403, 422) },
    },
    get: {
      tags: ['quality'],
      summary: 'Cases: all for catalog/process admins, a provider’s own otherwise',
      security: authed,
      parameters: [
        ...page,
        query('status', { type: 'string' }),
        query('dataset', { type: 'string' }),
      ],
      responses: {
        200: json({
          type: 'object',
          properties: {
            data: { type: 'array', items: qualityCase },
            meta: { $ref: '#/components/schemas/PaginationMeta' },
          },
        }),
        ...pick(401, 422),
      },
    },
  },
  '/api/v1/quality/cases/{code}': {
    get: {
      tags: ['quality'],
      summary: 'Case with timeline and current steps',
      security: authed,
      parameters: [
        {
          name: 'code',
          in: 'path',
          required: true,
          schema: { type: 'string', pattern: '^QC-\\d{8}-[0-9A-F]{8}$' },
        },
      ],
      responses: { 200: dataOf(qualityCase), ...pick(401, 403, 404) },
    },
  },
}
