import { authed, dataOf, json, page, pick, query, type Paths } from '#openapi/helpers'
import { task, taskParam } from '#openapi/paths/requests'

/*
 * The reviewer inbox: four tabs with one filter set, and the operations of APPROVALS.md §4.
 * Every operation on a task carries the version the reviewer saw; a changed task answers 409.
 */
const filters = [
  ...page,
  query('processKey', { type: 'string' }),
  query('dataset', { type: 'string' }, 'dataset code the request names'),
  query('applicantOrg', { type: 'string' }, 'organisation code of the applicant'),
  query('overdue', { type: 'boolean' }, 'true: only tasks past their due time (待办)'),
  query('from', { type: 'string', format: 'date' }, 'created/acted on or after'),
  query('to', { type: 'string', format: 'date' }, 'created/acted on or before'),
]
const listing = (items: unknown) =>
  json({
    type: 'object',
    properties: {
      data: { type: 'array', items },
      meta: { $ref: '#/components/schemas/PaginationMeta' },
    },
  })
const requestSummary = {
  type: ['object', 'null'],
  properties: {
    code: { type: 'string' },
    status: { type: 'string' },
    datasets: { type: 'array', items: { type: 'string' } },
    applicantOrg: { type: ['object', 'null'] },
  },
}
const body = (properties: Record<string, unknown>, required: string[]) => ({
  required: true,
  ...json({ type: 'object', additionalProperties: false, required, properties }),
})
const version = { type: 'integer', description: 'the task version you saw' }
const opinion = { type: ['string', 'null'] }
const signoffParam = {
  name: 'signoffId',
  in: 'path',
  required: true,
  schema: { type: 'integer' },
}
const signoff = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    taskId: { type: 'string' },
    userId: { type: 'integer' },
    position: { enum: ['before', 'after'] },
    status: { enum: ['waiting', 'pending', 'approved', 'rejected', 'removed'] },
    opinion,
    version: { type: 'integer' },
  },
}
const taskOp = (summary: string, requestBody: unknown, ok: Record<string, unknown>) => ({
  post: {
    tags: ['inbox'],
    summary,
    security: authed,
    parameters: [taskParam],
    requestBody,
    responses: {
      ...ok,
      409: { description: 'Changed meanwhile, or waiting for a delegate / added approvers' },
      ...pick(401, 404, 422),
    },
  },
})
const handOver = body({ userId: { type: 'integer' }, opinion, version }, ['userId', 'version'])

export const inboxPaths: Paths = {
  '/api/v1/inbox/todo': {
    get: {
      tags: ['inbox'],
      summary: '待办: my tasks, tasks offered to my groups, and approvals added to me (加签)',
      security: authed,
      parameters: filters,
      responses: {
        200: listing({
          oneOf: [
            {
              ...task,
              properties: { ...task.properties, kind: { const: 'task' }, request: requestSummary },
            },
            { ...signoff, properties: { ...signoff.properties, kind: { const: 'signoff' } } },
          ],
        }),
        ...pick(401, 422),
      },
    },
  },
  '/api/v1/inbox/done': {
    get: {
      tags: ['inbox'],
      summary: '已办: tasks I acted on, with my latest action',
      security: authed,
      parameters: filters,
      responses: { 200: listing({ type: 'object' }), ...pick(401, 422) },
    },
  },
  '/api/v1/inbox/cc': {
    get: {
      tags: ['inbox'],
      summary: '抄送我的: requests I was copied on',
      security: authed,
      parameters: filters,
      responses: { 200: listing(requestSummary), ...pick(401, 422) },
    },
  },
  '/api/v1/inbox/started': {
    get: {
      tags: ['inbox'],
      summary: '我发起的: requests I submitted',
      security: authed,
      parameters: filters,
      responses: { 200: listing(requestSummary), ...pick(401, 422) },
    },
  },
  '/api/v1/inbox/people': {
    get: {
      tags: ['inbox'],
      summary:
        'Colleagues to pick for 转办 / 委派 / 加签 (reviewers) or 抄送 (reviewers=false: anyone active)',
      security: authed,
      parameters: [query('q', { type: 'string' }), query('reviewers', { type: 'boolean' })],
      responses: {
        200: dataOf({
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              name: { type: 'string' },
              username: { type: 'string' },
              organisation: { type: 'object' },
            },
          },
        }),
        ...pick(401, 403, 422),
      },
    },
  },
  '/api/v1/inbox/counts': {
    get: {
      tags: ['inbox'],
      summary: 'Badge counts of the tabs (todo, overdue, done, cc, started)',
      security: authed,
      responses: {
        200: dataOf({
          type: 'object',
          properties: Object.fromEntries(
            ['todo', 'overdue', 'done', 'cc', 'started'].map((k) => [k, { type: 'integer' }])
          ),
        }),
        ...pick(401),
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
  '/api/v1/inbox/tasks/{id}/transfer': taskOp(
    '转办: hand the task to another reviewer for good',
    handOver,
    {
      200: dataOf(task),
    }
  ),
  '/api/v1/inbox/tasks/{id}/delegate': taskOp(
    '委派: another reviewer works on it, then resolves it back to you',
    handOver,
    { 200: dataOf(task) }
  ),
  '/api/v1/inbox/tasks/{id}/resolve': taskOp(
    '交还: the delegate hands the task back to its owner with an opinion',
    body({ opinion, version }, ['opinion', 'version']),
    { 200: dataOf(task) }
  ),
  '/api/v1/inbox/tasks/{id}/signoffs': taskOp(
    '加签: add approvers before you (they act first) or after you (your approval waits for them)',
    body(
      {
        userIds: { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 10 },
        position: { enum: ['before', 'after'] },
        opinion,
        version,
      },
      ['userIds', 'position', 'version']
    ),
    {
      201: dataOf({
        type: 'object',
        properties: { task, signoffs: { type: 'array', items: signoff } },
      }),
    }
  ),
  '/api/v1/inbox/tasks/{id}/signoffs/{signoffId}': {
    delete: {
      tags: ['inbox'],
      summary: '减签: remove an added approver who has not acted yet',
      security: authed,
      parameters: [taskParam, signoffParam],
      responses: {
        200: dataOf({
          type: 'object',
          properties: { signoffs: { type: 'array', items: signoff } },
        }),
        409: { description: 'They already acted' },
        ...pick(401, 404),
      },
    },
  },
  '/api/v1/inbox/signoffs/{signoffId}/decision': {
    post: {
      tags: ['inbox'],
      summary: 'The added approver signs (approve) or objects (reject)',
      description:
        'An objection by an approver added after the reviewer rejects the node; the last signature completes the held approval.',
      security: authed,
      parameters: [signoffParam],
      requestBody: body(
        { action: { enum: ['approve', 'reject'] }, opinion, version: { type: 'integer' } },
        ['action', 'opinion', 'version']
      ),
      responses: {
        200: dataOf(signoff),
        409: { description: 'Already decided' },
        ...pick(401, 404, 422),
      },
    },
  },
  '/api/v1/inbox/tasks/{id}/cc': taskOp(
    '抄送: give people read-only sight of the request and notify them',
    body(
      {
        userIds: { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 20 },
        note: opinion,
      },
      ['userIds']
    ),
    { 200: dataOf({ type: 'object' }) }
  ),
  '/api/v1/inbox/tasks/{id}/submit': taskOp(
    '提交表单: complete a form step (整改, 核验, 督办) with the values of its form key',
    body(
      {
        values: {
          type: 'object',
          description: 'checked against forms/<formKey>.json: required, types, limits, enums',
          examples: [
            { actionsTaken: '补录缺失数据', evidence: ['补录记录.xlsx'], measuredScore: 96 },
          ],
        },
        version,
      },
      ['values', 'version']
    ),
    { 204: { description: 'Completed' } }
  ),
  '/api/v1/inbox/tasks/{id}/withdraw': {
    post: {
      tags: ['inbox'],
      summary: '撤回: take back my approval or return while the next step has not been acted on',
      description:
        '`id` is the task I completed; the following step is voided and mine opens again.',
      security: authed,
      parameters: [taskParam],
      responses: {
        204: { description: 'Withdrawn' },
        409: { description: 'Not yours, already acted on, ended, or a parallel review' },
        ...pick(401),
      },
    },
  },
}
