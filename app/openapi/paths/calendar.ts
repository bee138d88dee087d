import { authed, dataOf, json, pick, type Paths } from '#openapi/helpers'

const dateParam = {
  name: 'date',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  description: 'calendar date in Asia/Shanghai, 2025–2030',
}
const day = {
  type: 'object',
  properties: {
    date: { type: 'string', format: 'date' },
    workday: { type: 'boolean' },
    source: {
      enum: ['official', 'provisional', 'override'],
      description:
        'official: State Council notice (chinese-days); provisional: statutory holidays computed for a year without a notice; override: an admin',
    },
    name: { type: ['string', 'null'], examples: ['国庆节'] },
    note: { type: ['string', 'null'] },
    updatedBy: { type: ['string', 'null'], description: 'username of the last editor (overrides)' },
    updatedAt: { type: ['string', 'null'], format: 'date-time' },
  },
}
const overrideBody = (required: string[], withDate: boolean) => ({
  required: true,
  ...json({
    type: 'object',
    additionalProperties: false,
    required,
    properties: {
      ...(withDate ? { date: { type: 'string', format: 'date' } } : {}),
      workday: { type: 'boolean', description: 'true: a working day; false: a day off' },
      note: { type: ['string', 'null'], maxLength: 200 },
    },
  }),
})

export const calendarPaths: Paths = {
  '/api/v1/calendar/years/{year}': {
    get: {
      tags: ['calendar'],
      summary: "A year's holidays, make-up working days and overrides (process/system admins)",
      security: authed,
      parameters: [
        {
          name: 'year',
          in: 'path',
          required: true,
          schema: { type: 'integer', minimum: 2025, maximum: 2030 },
        },
      ],
      responses: {
        200: dataOf({
          type: 'object',
          properties: {
            year: { type: 'integer' },
            coverage: { enum: ['official', 'provisional', 'weekends_only'] },
            days: {
              type: 'array',
              items: day,
              description: 'days that differ from a Mon–Fri week',
            },
          },
        }),
        ...pick(401, 403, 422),
      },
    },
  },
  '/api/v1/calendar/overrides': {
    post: {
      tags: ['calendar'],
      summary: 'Add an override day (holiday or working day); new deadlines use it',
      security: authed,
      requestBody: overrideBody(['date', 'workday'], true),
      responses: { 201: dataOf(day), ...pick(401, 403, 409, 422) },
    },
  },
  '/api/v1/calendar/overrides/{date}': {
    put: {
      tags: ['calendar'],
      summary: 'Change an override day',
      security: authed,
      parameters: [dateParam],
      requestBody: overrideBody(['workday'], false),
      responses: { 200: dataOf(day), ...pick(401, 403, 404, 422) },
    },
    delete: {
      tags: ['calendar'],
      summary: 'Remove an override day (the official or provisional calendar applies again)',
      security: authed,
      parameters: [dateParam],
      responses: { 204: { description: 'Removed' }, ...pick(401, 403, 404, 422) },
    },
  },
}
