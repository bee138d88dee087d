import { authed, json, pick, query, page, type Paths } from '#openapi/helpers'

const mail = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    notificationId: { type: 'integer' },
    to: {
      type: 'string',
      description: 'masked: first letter and domain',
      examples: ['d***@jc-wr.jiangcheng.gov.cn'],
    },
    subject: { type: 'string' },
    status: { enum: ['pending', 'sending', 'sent', 'failed'] },
    attempts: { type: 'integer' },
    lastError: { type: ['string', 'null'] },
    nextAttemptAt: { type: ['string', 'null'], format: 'date-time' },
    sentAt: { type: ['string', 'null'], format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
  },
}

export const mailOutboxPaths: Paths = {
  '/api/v1/process-admin/mail-outbox': {
    get: {
      tags: ['process-admin'],
      summary:
        'Queued e-mails, newest first (e.g. status=failed: those that used up their attempts)',
      security: authed,
      parameters: [...page, query('status', { enum: ['pending', 'sending', 'sent', 'failed'] })],
      responses: {
        200: json({
          type: 'object',
          properties: {
            data: { type: 'array', items: mail },
            meta: { $ref: '#/components/schemas/PaginationMeta' },
          },
        }),
        ...pick(401, 403, 422),
      },
    },
  },
  '/api/v1/process-admin/mail-outbox/{id}/retry': {
    post: {
      tags: ['process-admin'],
      summary: 'Queue a failed e-mail again with fresh attempts',
      security: authed,
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d+$' } },
      ],
      responses: { 204: { description: 'Queued again' }, ...pick(401, 403, 404) },
    },
  },
}
