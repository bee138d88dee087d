import { authed, dataOf, json, pick, query, page, type Paths } from '#openapi/helpers'

const codeParam = {
  name: 'code',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^REQ-\\d{8}-[0-9A-F]{8}$' },
}
const taskParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } }

const request = {
  type: 'object',
  properties: {
    code: { type: 'string', examples: ['REQ-20261129-1A2B3C4D'] },
    status: {
      type: 'string',
      enum: [
        'submitted',
        'in_review',
        'returned',
        'approved',
        'partially_approved',
        'rejected',
        'withdrawn',
        'cancelled',
      ],
    },
    datasets: { type: 'array', items: { type: 'string' } },
    approvedDatasets: { type: ['array', 'null'], items: { type: 'string' } },
    form: { type: 'object' },
    outcomeReason: { type: ['string', 'null'] },
    version: { type: 'integer' },
    submittedAt: { type: 'string', format: 'date-time' },
    decidedAt: { type: ['string', 'null'], format: 'date-time' },
  },
}

const task = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    requestCode: { type: 'string' },
    processKey: { type: 'string' },
    activityId: { type: 'string', examples: ['owner_review'] },
    name: { type: ['string', 'null'] },
    formKey: { type: ['string', 'null'] },
    version: { type: 'integer', description: 'pass back in the decision (optimistic concurrency)' },
    dueAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description: "end of the node's deadlineWorkingDays on the business calendar (Asia/Shanghai)",
    },
    overdue: { type: 'boolean' },
    scope: {
      type: 'object',
      description: 'multi-instance scope, e.g. the owner organisation and its datasets',
    },
  },
}

const submitBody = {
  required: true,
  ...json({
    type: 'object',
    additionalProperties: false,
    required: [
      'datasets',
      'purpose',
      'scenario',
      'legalBasis',
      'validUntil',
      'deliveryModes',
      'contact',
    ],
    properties: {
      datasets: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 20 },
      fields: { type: 'array', items: { type: 'string' } },
      rowScope: { type: ['string', 'null'] },
      purpose: { type: 'string' },
      scenario: { type: 'string' },
      legalBasis: { type: 'string' },
      validUntil: { type: 'string', format: 'date' },
      deliveryModes: { type: 'array', items: { enum: ['api', 'export', 'visual_query'] } },
      contact: { type: 'string' },
      appealJustification: { type: ['string', 'null'] },
    },
  }),
}

const reasonBody = {
  required: true,
  ...json({
    type: 'object',
    additionalProperties: false,
    required: ['reason'],
    properties: { reason: { type: 'string' } },
  }),
}

export const requestPaths: Paths = {
  '/api/v1/requests': {
    post: {
      tags: ['requests'],
      summary: 'Submit a data request (unconditional + general data is granted within the call)',
      security: authed,
      requestBody: submitBody,
      responses: { 201: dataOf(request), ...pick(400, 401, 403, 422) },
    },
    get: {
      tags: ['requests'],
      summary: 'My requests',
      security: authed,
      parameters: [...page, query('status', { type: 'string' })],
      responses: {
        200: json({
          type: 'object',
          properties: {
            data: { type: 'array', items: request },
            meta: { $ref: '#/components/schemas/PaginationMeta' },
          },
        }),
        ...pick(401, 422),
      },
    },
  },
  '/api/v1/requests/{code}': {
    get: {
      tags: ['requests'],
      summary: 'Request with timeline and current steps',
      security: authed,
      parameters: [codeParam],
      responses: { 200: dataOf(request), ...pick(401, 403, 404) },
    },
  },
  '/api/v1/requests/{code}/withdraw': {
    post: {
      tags: ['requests'],
      summary: '撤回: withdraw while no reviewer has acted',
      security: authed,
      parameters: [codeParam],
      requestBody: reasonBody,
      responses: {
        200: dataOf(request),
        409: { description: 'A reviewer already acted or the request ended' },
        ...pick(401, 403, 404, 422),
      },
    },
  },
  '/api/v1/requests/{code}/cancel': {
    post: {
      tags: ['requests'],
      summary: '取消: cancel a running request (applicant or process admin)',
      security: authed,
      parameters: [codeParam],
      requestBody: reasonBody,
      responses: {
        200: dataOf(request),
        409: { description: 'Already ended' },
        ...pick(401, 403, 404, 422),
      },
    },
  },
  '/api/v1/inbox/todo': {
    get: {
      tags: ['inbox'],
      summary: '待办: tasks assigned to me or offered to my groups',
      security: authed,
      parameters: [
        ...page,
        query('processKey', { type: 'string' }),
        query('overdue', { type: 'boolean' }, 'true: only tasks past their due time'),
      ],
      responses: {
        200: json({
          type: 'object',
          properties: {
            data: { type: 'array', items: task },
            meta: { $ref: '#/components/schemas/PaginationMeta' },
          },
        }),
        ...pick(401, 422),
      },
    },
  },
  '/api/v1/inbox/tasks/{id}': {
    get: {
      tags: ['inbox'],
      summary: 'One of my tasks with its node configuration',
      security: authed,
      parameters: [taskParam],
      responses: { 200: dataOf(task), ...pick(401, 404) },
    },
  },
  '/api/v1/inbox/tasks/{id}/decision': {
    post: {
      tags: ['inbox'],
      summary: '同意 / 驳回 / 退回',
      security: authed,
      parameters: [taskParam],
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          additionalProperties: false,
          required: ['action', 'version'],
          properties: {
            action: { enum: ['approve', 'reject', 'return'] },
            opinion: {
              type: ['string', 'null'],
              description: 'required for reject/return and where the node says so',
            },
            approvedCodes: {
              type: 'array',
              items: { type: 'string' },
              description: 'owner review: the approved subset (partial grant)',
            },
            version: { type: 'integer' },
          },
        }),
      },
      responses: {
        204: { description: 'Decided' },
        409: { description: 'Someone else decided first (stale version)' },
        ...pick(401, 404, 422),
      },
    },
  },
}
