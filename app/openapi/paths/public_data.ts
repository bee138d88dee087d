import { json, page, pick, query, type Paths } from '#openapi/helpers'

/*
 * Public data supermarket: no authentication, rate-limited per IP (429 with Retry-After).
 */
const codeParam = {
  name: 'code',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Product (dataset) code, e.g. EQ-AIR-003',
}
const tooMany = {
  429: {
    description: 'Rate limit exceeded; see Retry-After',
    ...json({ $ref: '#/components/schemas/Error' }),
  },
}
const publicOp = { tags: ['public data'], security: [] }

const product = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    nameZh: { type: 'string' },
    nameEn: { type: 'string' },
    description: { type: 'string' },
    categoryCode: { type: 'string' },
    subcategoryCode: { type: 'string' },
    providerCode: { type: 'string' },
    updateFrequency: { type: 'string' },
    timeField: { type: ['string', 'null'], description: 'The column `from`/`to` filter on' },
    recordCount: { type: 'integer', description: 'Open and public records only' },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          labelZh: { type: 'string' },
          labelEn: { type: 'string' },
          type: { type: 'string' },
          unit: { type: ['string', 'null'] },
          filterable: { type: 'boolean' },
        },
      },
    },
  },
}

const filterHelp =
  'For each filterable field F of the product: `F=value` (equality), `F[gte]=` and `F[lte]=` (inclusive range), `F[in]=a,b,c` (≤ 50 values). ' +
  'Dates are YYYY-MM-DD; date-times ISO 8601 (without a zone they are China time), returned in UTC. Unknown parameters are refused with 422.'

export const publicDataPaths: Paths = {
  '/api/v1/public/catalog.jsonld': {
    get: {
      ...publicOp,
      summary: 'The open catalog as DCAT-AP 2 JSON-LD (for CKAN / national portal harvesters)',
      responses: {
        200: {
          description: 'dcat:Catalog with one dcat:Dataset per open dataset',
          content: { 'application/ld+json': { schema: { type: 'object' } } },
        },
        ...tooMany,
      },
    },
  },
  '/api/v1/public/products': {
    get: {
      ...publicOp,
      summary: 'The open data products (数据超市) with their public schema and record counts',
      parameters: page,
      responses: {
        200: json({
          type: 'object',
          properties: {
            data: { type: 'array', items: product },
            meta: { $ref: '#/components/schemas/PaginationMeta' },
          },
        }),
        ...pick(422),
        ...tooMany,
      },
    },
  },
  '/api/v1/public/products/{code}/preview': {
    get: {
      ...publicOp,
      summary:
        'A product at a glance (e.g. the daily report: city AQI, band and primary pollutant per district for the latest day)',
      parameters: [codeParam],
      responses: {
        200: json({
          type: 'object',
          properties: {
            data: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                nameZh: { type: 'string' },
                nameEn: { type: 'string' },
                preview: { type: 'object' },
              },
            },
          },
        }),
        ...pick(404),
        ...tooMany,
      },
    },
  },
  '/api/v1/public/products/{code}/records': {
    get: {
      ...publicOp,
      summary:
        'Records of a product: filters, time range, sort, pagination; open and public rows only',
      description: filterHelp,
      parameters: [
        codeParam,
        query('page', { type: 'integer', minimum: 1 }),
        query('perPage', { type: 'integer', minimum: 1, maximum: 500, default: 50 }),
        query(
          'sort',
          { type: 'string' },
          'A filterable field, `-field` for descending; default newest first'
        ),
        query('from', { type: 'string' }, 'Time field ≥ from (inclusive)'),
        query('to', { type: 'string' }, 'Time field < to (exclusive)'),
      ],
      responses: {
        200: json({
          type: 'object',
          properties: {
            data: { type: 'array', items: { type: 'object' } },
            meta: { $ref: '#/components/schemas/PaginationMeta' },
          },
        }),
        ...pick(404, 422),
        ...tooMany,
      },
    },
  },
}
