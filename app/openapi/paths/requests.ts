import { authed, dataOf, json, pick, query, page, type Paths } from '#openapi/helpers'

const codeParam = {
  name: 'code',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^REQ-\\d{8}-[0-9A-F]{8}$' },
}
export const taskParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } }

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

export const task = {
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

const submitSchema = {
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
    rowScope: {
      description:
        'Prose (kept for reviewers, narrows nothing) or the structured scope; `to` is exclusive',
      oneOf: [
        { type: ['string', 'null'], maxLength: 2000 },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            districts: { type: 'array', items: { type: 'string' }, example: ['420102'] },
            stations: { type: 'array', items: { type: 'string' } },
            sections: { type: 'array', items: { type: 'string' } },
            enterprises: { type: 'array', items: { type: 'string' } },
            from: { type: 'string', format: 'date' },
            to: { type: 'string', format: 'date' },
            note: { type: 'string', maxLength: 2000 },
          },
        },
      ],
    },
    purpose: { type: 'string' },
    scenario: { type: 'string' },
    legalBasis: { type: 'string' },
    validUntil: { type: 'string', format: 'date' },
    deliveryModes: {
      type: 'array',
      items: { enum: ['api', 'export', 'visual_query', 'subscription'] },
    },
    contact: { type: 'string' },
    appealJustification: { type: ['string', 'null'] },
    previousGrantId: {
      type: 'integer',
      description: '续期 / 变更范围: one of your grants; reviewers see its decision',
    },
  },
}
const submitBody = { required: true, ...json(submitSchema) }

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
  '/api/v1/requests/{code}/route': {
    get: {
      tags: ['requests'],
      summary: '流程预测: current step(s) and who reviews next, by when',
      description:
        'Computed from the model and the current variables; where a gateway waits on a decision not made yet the approving branch is assumed (`assumed: true`).',
      security: authed,
      parameters: [codeParam],
      responses: {
        200: dataOf({
          type: 'object',
          properties: {
            steps: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  activityId: { type: 'string' },
                  name: { type: ['string', 'null'] },
                  status: { enum: ['current', 'upcoming'] },
                  reviewers: { type: 'array', items: { type: 'object' } },
                  dueBy: { type: ['string', 'null'], format: 'date-time' },
                  assumed: { type: 'boolean' },
                },
              },
            },
          },
        }),
        ...pick(401, 403, 404),
      },
    },
  },
  '/api/v1/requests/{code}/amend': {
    post: {
      tags: ['requests'],
      summary: '修改后重新提交: resubmit a returned request with a corrected form',
      security: authed,
      parameters: [codeParam],
      requestBody: {
        required: true,
        ...json({
          ...submitSchema,
          required: [...submitSchema.required, 'version'],
          properties: {
            ...submitSchema.properties,
            version: { type: 'integer', description: 'the request version you saw' },
          },
        }),
      },
      responses: {
        200: dataOf(request),
        409: { description: 'Not returned to you, or changed meanwhile' },
        ...pick(401, 403, 404, 422),
      },
    },
  },
  '/api/v1/requests/{code}/urge': {
    post: {
      tags: ['requests'],
      summary: '催办: remind whoever holds the open steps (once per 30 minutes per person)',
      security: authed,
      parameters: [codeParam],
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          additionalProperties: false,
          properties: { note: { type: ['string', 'null'] } },
        }),
      },
      responses: {
        200: dataOf({ type: 'object', properties: { reached: { type: 'integer' } } }),
        409: { description: 'Not in review' },
        429: { description: 'Urged less than 30 minutes ago (Retry-After)' },
        ...pick(401, 403, 404, 422),
      },
    },
  },
}
