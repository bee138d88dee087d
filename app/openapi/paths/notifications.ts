import { authed, dataOf, json, pick, query, page, type Paths } from '#openapi/helpers'

const notification = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    kind: {
      enum: [
        'task_assigned',
        'request_returned',
        'request_decided',
        'request_withdrawn',
        'request_cancelled',
        'task_due_soon',
        'task_reminder',
        'task_escalated',
      ],
    },
    title: { type: 'string', description: 'Chinese / English' },
    body: { type: ['string', 'null'] },
    objectType: { type: ['string', 'null'], examples: ['data_request', 'workflow_task'] },
    objectId: { type: ['string', 'null'] },
    data: { type: ['object', 'null'] },
    read: { type: 'boolean' },
    readAt: { type: ['string', 'null'], format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
  },
}

export const notificationPaths: Paths = {
  '/api/v1/notifications': {
    get: {
      tags: ['notifications'],
      summary: 'My notifications, newest first (in-app; also e-mailed when SMTP is configured)',
      security: authed,
      parameters: [
        ...page,
        query('unread', { type: 'boolean' }, 'true: unread only; false: read only'),
      ],
      responses: {
        200: json({
          type: 'object',
          properties: {
            data: { type: 'array', items: notification },
            meta: { $ref: '#/components/schemas/PaginationMeta' },
          },
        }),
        ...pick(401, 422),
      },
    },
  },
  '/api/v1/notifications/unread-count': {
    get: {
      tags: ['notifications'],
      summary: 'How many of my notifications are unread',
      security: authed,
      responses: {
        200: dataOf({ type: 'object', properties: { unread: { type: 'integer' } } }),
        ...pick(401),
      },
    },
  },
  '/api/v1/notifications/{id}/read': {
    post: {
      tags: ['notifications'],
      summary: "Mark one of my notifications read (another user's answers 404)",
      security: authed,
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      responses: { 200: dataOf(notification), ...pick(401, 404) },
    },
  },
  '/api/v1/notifications/read-all': {
    post: {
      tags: ['notifications'],
      summary: 'Mark all my notifications read',
      security: authed,
      responses: {
        200: dataOf({ type: 'object', properties: { marked: { type: 'integer' } } }),
        ...pick(401),
      },
    },
  },
}
