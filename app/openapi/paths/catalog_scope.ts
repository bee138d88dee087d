import { authed, dataOf, json, page, pick, query, type Paths } from '#openapi/helpers'

/* The request form's row-scope editor (docs/requests.md, "Row scope"). */
const nullable = (type: string) => ({ type: [type, 'null'] })
const scopeEntry = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    districtCode: nullable('string'),
  },
}
const scopeEntries = { type: 'array', items: scopeEntry }

export const catalogScopePaths: Paths = {
  '/api/v1/catalog/scope-options': {
    get: {
      tags: ['catalog'],
      summary:
        'Row-scope choices for a request: the dimensions the datasets can be narrowed by, and the codes the caller may name',
      security: authed,
      parameters: [
        query(
          'datasets',
          { type: 'string', example: 'EQ-AIR-002,PS-PERMIT-001' },
          'comma-separated dataset codes (≤ 20)'
        ),
      ],
      responses: {
        200: dataOf({
          type: 'object',
          properties: {
            dimensions: {
              type: 'array',
              items: { enum: ['districts', 'enterprises', 'stations', 'sections'] },
            },
            timeRange: {
              type: 'boolean',
              description: 'from/to apply (a dataset has a time field)',
            },
            districts: scopeEntries,
            stations: scopeEntries,
            sections: scopeEntries,
          },
        }),
        ...pick(401, 422),
      },
    },
  },
  '/api/v1/catalog/scope-options/enterprises': {
    get: {
      tags: ['catalog'],
      summary: 'Enterprises a request may be narrowed to, searched by code or name',
      security: authed,
      parameters: [query('q', { type: 'string', maxLength: 64 }), ...page],
      responses: {
        200: json({ type: 'object', properties: { data: scopeEntries, meta: { type: 'object' } } }),
        ...pick(401, 422),
      },
    },
  },
}
