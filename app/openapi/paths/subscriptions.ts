import {
  authed,
  dataOf,
  idParam,
  json,
  pageOf,
  pick,
  query,
  page,
  type Paths,
} from '#openapi/helpers'

const subscription = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    grantId: { type: 'integer' },
    grantCode: { type: ['string', 'null'] },
    datasetCode: { type: 'string', examples: ['EQ-AIR-002'] },
    url: { type: 'string', format: 'uri' },
    fields: { type: 'array', items: { type: 'string' }, description: 'empty = all granted' },
    filters: { type: 'object' },
    status: { type: 'string', enum: ['active', 'paused'] },
    statusReason: { type: ['string', 'null'] },
    consecutiveFailures: { type: 'integer' },
    pendingDeliveryId: { type: ['string', 'null'], description: 'the batch being retried' },
    nextAttemptAt: { type: ['string', 'null'], format: 'date-time' },
    lastDeliveryAt: { type: ['string', 'null'], format: 'date-time' },
    lastSuccessAt: { type: ['string', 'null'], format: 'date-time' },
    lastStatusCode: { type: ['integer', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    secret: {
      type: 'string',
      description:
        'Signing secret, only in the create and rotate responses. Verify each delivery: HMAC-SHA256 of "<t>.<raw body>" with it equals v1 of X-EcoShare-Signature',
      examples: ['whsec_…(43 characters)'],
    },
  },
}

const delivery = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    deliveryId: { type: 'string', description: 'X-EcoShare-Delivery; the same on every retry' },
    attempt: { type: 'integer' },
    attemptedAt: { type: 'string', format: 'date-time' },
    statusCode: { type: ['integer', 'null'] },
    durationMs: { type: 'integer' },
    rows: { type: 'integer' },
    bytes: { type: 'integer' },
    result: { type: 'string', enum: ['success', 'failed'] },
    error: { type: ['string', 'null'] },
  },
}

const byId = (summary: string, responses: Record<string, unknown> = {}) => ({
  post: {
    tags: ['subscriptions'],
    summary,
    security: authed,
    parameters: [idParam],
    responses: { 200: dataOf(subscription), ...responses, ...pick(401, 404) },
  },
})

export const subscriptionPaths: Paths = {
  '/api/v1/subscriptions': {
    post: {
      tags: ['subscriptions'],
      summary:
        'Register a webhook for new records of a granted dataset (grant with mode subscription)',
      description:
        'New rows (after the newest in scope now) are POSTed as `{subscription, dataset, grant, deliveryId, records:[…]}` in batches of ≤ 500, with `X-EcoShare-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">` and `X-EcoShare-Delivery`. Only a 2xx advances the mark; failures retry with exponential back-off and pause the subscription after 5 in a row. The URL must be https, without credentials, and must not resolve to a private, loopback, link-local or reserved address (422).',
      security: authed,
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          additionalProperties: false,
          required: ['grantId', 'datasetCode', 'url'],
          properties: {
            grantId: { type: 'integer' },
            datasetCode: { type: 'string' },
            url: { type: 'string', format: 'uri', maxLength: 2048 },
            fields: { type: 'array', items: { type: 'string' } },
            filters: {
              type: 'object',
              description:
                'Data API filter form: `{"pm25": {"gte": "75"}, "station_code": "AS001"}`',
            },
          },
          examples: [
            {
              grantId: 12,
              datasetCode: 'EQ-AIR-002',
              url: 'https://receiver.example.gov.cn/ecoshare',
              fields: ['station_code', 'observed_at', 'pm25'],
              filters: { pm25: { gte: '75' } },
            },
          ],
        }),
      },
      responses: {
        201: dataOf(subscription),
        409: { description: 'The grant is not active' },
        ...pick(401, 403, 404, 422),
      },
    },
    get: {
      tags: ['subscriptions'],
      summary: 'My subscriptions (never the secret)',
      security: authed,
      parameters: [...page, query('status', { enum: ['active', 'paused'] })],
      responses: { 200: pageOf(subscription), ...pick(401, 422) },
    },
  },
  '/api/v1/subscriptions/{id}': {
    get: {
      tags: ['subscriptions'],
      summary: 'One of my subscriptions',
      security: authed,
      parameters: [idParam],
      responses: { 200: dataOf(subscription), ...pick(401, 404) },
    },
    delete: {
      tags: ['subscriptions'],
      summary: 'Delete (nothing more is sent; the delivery log is kept)',
      security: authed,
      parameters: [idParam],
      responses: { 204: { description: 'Deleted' }, ...pick(401, 404) },
    },
  },
  '/api/v1/subscriptions/{id}/deliveries': {
    get: {
      tags: ['subscriptions'],
      summary: 'Delivery attempts, newest first (status code, duration, error, attempt)',
      security: authed,
      parameters: [idParam, ...page],
      responses: { 200: pageOf(delivery), ...pick(401, 404, 422) },
    },
  },
  '/api/v1/subscriptions/{id}/pause': byId('Pause deliveries'),
  '/api/v1/subscriptions/{id}/resume': byId(
    'Resume: failures reset, the pending batch is retried under the same delivery id',
    { 409: { description: 'The grant is not active' } }
  ),
  '/api/v1/subscriptions/{id}/rotate': byId(
    'New signing secret (in this response only); the old one stops signing at once'
  ),
}
