import { authed, dataOf, idParam, json, page, pick, query, ref, type Paths } from '#openapi/helpers'
import {
  DATA_GRADES,
  DATASET_FORMATS,
  DELIVERY_MODES,
  FIELD_TYPES,
  SECRECY_LABELS,
  SHARING_ATTRIBUTES,
  UPDATE_FREQUENCIES,
} from '#services/catalog/dataset_definition'
import { FACETS, SORTS } from '#services/catalog/search_index'

const nullable = (type: string, extra: Record<string, unknown> = {}) => ({
  type: [type, 'null'],
  ...extra,
})
const codeName = {
  type: 'object',
  properties: { code: { type: 'string' }, nameZh: { type: 'string' }, nameEn: { type: 'string' } },
}
const optionalAuth = [{}, ...authed]

const field = {
  type: 'object',
  required: ['name', 'labelZh', 'labelEn', 'type'],
  properties: {
    name: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' },
    labelZh: { type: 'string' },
    labelEn: { type: 'string' },
    type: { enum: FIELD_TYPES },
    unit: nullable('string'),
    description: nullable('string'),
    sensitive: { type: 'boolean', description: 'masked in samples and previews' },
    filterable: { type: 'boolean' },
  },
}

const metadata = {
  nameZh: { type: 'string', maxLength: 200 },
  nameEn: { type: 'string', maxLength: 200 },
  description: { type: 'string', maxLength: 4000 },
  categoryCode: { type: 'string', examples: ['EQ'] },
  subcategoryCode: { type: 'string', examples: ['EQ-AIR'] },
  providerCode: {
    type: 'string',
    description:
      'Code of the one authoritative provider organisation (一数一源), a government body',
  },
  sourceSystem: { type: 'string' },
  format: { enum: DATASET_FORMATS },
  updateFrequency: { enum: UPDATE_FREQUENCIES },
  timeCoverageStart: nullable('string', { format: 'date' }),
  timeCoverageEnd: nullable('string', { format: 'date' }),
  spatialCoverage: {
    type: 'array',
    items: { type: 'string', pattern: '^\\d{6}$' },
    description: 'administrative division codes',
  },
  fields: { type: 'array', items: field },
  sharingAttribute: { enum: SHARING_ATTRIBUTES },
  legalBasis: nullable('string', {
    description: 'required unless sharingAttribute is unconditional',
  }),
  grade: { enum: DATA_GRADES },
  secrecyLabel: { type: ['string', 'null'], enum: [...SECRECY_LABELS, null] },
  isOpen: {
    type: 'boolean',
    description: 'open to the public; only general-grade, shareable data without a secrecy label',
  },
  deliveryModes: { type: 'array', items: { enum: DELIVERY_MODES }, minItems: 1 },
  freeTags: { type: 'array', items: { type: 'string', maxLength: 32 } },
  controlledTags: {
    type: 'array',
    items: { type: 'string' },
    description: 'codes from GET /api/v1/catalog/tags',
  },
  contact: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string' },
      phone: nullable('string'),
      email: nullable('string', { format: 'email' }),
    },
  },
  status: { enum: ['draft', 'published'] },
}

export const catalogSchemas = {
  FacetValue: {
    type: 'object',
    properties: {
      value: { type: 'string' },
      labelZh: { type: 'string' },
      labelEn: { type: 'string' },
      count: { type: 'integer' },
    },
  },
  DatasetSummary: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      code: { type: 'string' },
      nameZh: { type: 'string' },
      nameEn: { type: 'string' },
      description: { type: 'string', description: 'first 200 characters' },
      category: codeName,
      subcategory: codeName,
      provider: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          name: { type: 'string' },
          nameEn: nullable('string'),
        },
      },
      grade: { enum: DATA_GRADES },
      sharingAttribute: { enum: SHARING_ATTRIBUTES },
      isOpen: { type: 'boolean' },
      status: { enum: ['draft', 'published', 'retired'] },
      updateFrequency: { enum: UPDATE_FREQUENCIES },
      format: { enum: DATASET_FORMATS },
      deliveryModes: { type: 'array', items: { enum: DELIVERY_MODES } },
      freeTags: { type: 'array', items: { type: 'string' } },
      controlledTags: { type: 'array', items: codeName },
      timeCoverage: {
        type: 'object',
        properties: { start: nullable('string'), end: nullable('string') },
      },
      version: { type: 'integer' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  },
  DatasetDetail: {
    allOf: [
      ref('DatasetSummary'),
      {
        type: 'object',
        properties: {
          ...metadata,
          fields: { type: 'array', items: field },
          sample: {
            type: ['object', 'null'],
            description: 'A few rows the caller may see by record labels; sensitive columns masked',
            properties: {
              columns: { type: 'array', items: { type: 'string' } },
              rows: { type: 'array', items: { type: 'object' } },
            },
          },
          product: { type: ['object', 'null'], properties: { previewKey: { type: 'string' } } },
          storeTable: { type: ['string', 'null'], description: 'catalog admins only' },
        },
      },
    ],
  },
  DatasetRevision: {
    type: 'object',
    properties: {
      version: { type: 'integer' },
      action: { enum: ['create', 'update', 'retire'] },
      actor: nullable('string'),
      changedAt: { type: 'string', format: 'date-time' },
      changes: {
        type: 'object',
        additionalProperties: { type: 'object', properties: { from: {}, to: {} } },
      },
    },
  },
  TaxonomyNode: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      code: { type: 'string' },
      nameZh: { type: 'string' },
      nameEn: { type: 'string' },
      sortOrder: { type: 'integer' },
      datasetCount: { type: 'integer', description: 'datasets the caller can see' },
      subcategories: { type: 'array', items: ref('TaxonomyNode') },
    },
  },
  CatalogTag: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      code: { type: 'string' },
      nameZh: { type: 'string' },
      nameEn: { type: 'string' },
    },
  },
}

const body = (properties: Record<string, unknown>, required: string[]) => ({
  required: true,
  ...json({ type: 'object', required, additionalProperties: false, properties }),
})
const names = {
  nameZh: { type: 'string' },
  nameEn: { type: 'string' },
  sortOrder: { type: 'integer' },
}

const searchParams = [
  query(
    'q',
    { type: 'string' },
    'Full text over names, descriptions, tags and field names; Chinese matched by character pairs'
  ),
  query('sort', { enum: SORTS }, 'default: relevance with q, otherwise -updatedAt'),
  ...page,
  ...FACETS.map((name) =>
    query(
      name,
      { type: 'string' },
      `${name} filter; several values, repeated or comma-separated, are ${name === 'tag' ? 'AND-ed (every tag must be present)' : 'OR-ed'}${name === 'status' ? ' (catalog admins only)' : ''}`
    )
  ),
]

const write = (summary: string, extra: Record<string, unknown> = {}) => ({
  tags: ['catalog'],
  summary,
  security: authed,
  ...extra,
})

export const catalogPaths: Paths = {
  '/api/v1/catalog/taxonomy': {
    get: {
      tags: ['catalog'],
      summary: "6 categories / 30 subcategories with the caller's visible dataset counts",
      security: optionalAuth,
      responses: { 200: dataOf({ type: 'array', items: ref('TaxonomyNode') }) },
    },
  },
  '/api/v1/catalog/tags': {
    get: {
      tags: ['catalog'],
      summary: 'Controlled tag vocabulary',
      security: optionalAuth,
      responses: { 200: dataOf({ type: 'array', items: ref('CatalogTag') }) },
    },
    post: write('Add a controlled tag (catalog admin)', {
      requestBody: body(
        { code: { type: 'string' }, nameZh: { type: 'string' }, nameEn: { type: 'string' } },
        ['code', 'nameZh', 'nameEn']
      ),
      responses: { 201: dataOf(ref('CatalogTag')), ...pick(400, 401, 403, 422) },
    }),
  },
  '/api/v1/catalog/tags/{id}': {
    patch: write('Rename a controlled tag', {
      parameters: [idParam],
      requestBody: body({ nameZh: { type: 'string' }, nameEn: { type: 'string' } }, []),
      responses: { 200: dataOf(ref('CatalogTag')), ...pick(401, 403, 404, 422) },
    }),
    delete: write('Delete an unused controlled tag', {
      parameters: [idParam],
      responses: { 204: { description: 'Deleted' }, ...pick(401, 403, 404, 409) },
    }),
  },
  '/api/v1/catalog/categories': {
    post: write('Add a category (catalog admin)', {
      requestBody: body({ code: { type: 'string' }, ...names }, ['code', 'nameZh', 'nameEn']),
      responses: { 201: dataOf(ref('TaxonomyNode')), ...pick(400, 401, 403, 422) },
    }),
  },
  '/api/v1/catalog/categories/{id}': {
    patch: write('Rename or reorder a category', {
      parameters: [idParam],
      requestBody: body(names, []),
      responses: { 200: dataOf(ref('TaxonomyNode')), ...pick(401, 403, 404, 422) },
    }),
    delete: write('Delete an empty category', {
      parameters: [idParam],
      responses: { 204: { description: 'Deleted' }, ...pick(401, 403, 404, 409) },
    }),
  },
  '/api/v1/catalog/subcategories': {
    post: write('Add a subcategory (catalog admin)', {
      requestBody: body({ code: { type: 'string' }, categoryCode: { type: 'string' }, ...names }, [
        'code',
        'categoryCode',
        'nameZh',
        'nameEn',
      ]),
      responses: { 201: dataOf(ref('TaxonomyNode')), ...pick(400, 401, 403, 422) },
    }),
  },
  '/api/v1/catalog/subcategories/{id}': {
    patch: write('Rename or reorder a subcategory', {
      parameters: [idParam],
      requestBody: body(names, []),
      responses: { 200: dataOf(ref('TaxonomyNode')), ...pick(401, 403, 404, 422) },
    }),
    delete: write('Delete a subcategory no dataset uses', {
      parameters: [idParam],
      responses: { 204: { description: 'Deleted' }, ...pick(401, 403, 404, 409) },
    }),
  },
  '/api/v1/catalog/datasets': {
    get: {
      tags: ['catalog'],
      summary:
        'Search the catalog: full text, filters, facet counts, sort, paging. Anonymous callers see open datasets only.',
      security: optionalAuth,
      parameters: searchParams,
      responses: {
        200: json({
          type: 'object',
          properties: {
            data: { type: 'array', items: ref('DatasetSummary') },
            meta: ref('PaginationMeta'),
            facets: {
              type: 'object',
              description: 'per facet, counts with every other filter applied',
              additionalProperties: { type: 'array', items: ref('FacetValue') },
            },
          },
        }),
        ...pick(401, 422),
      },
    },
    post: write('Register a dataset (catalog admin)', {
      requestBody: body({ code: { type: 'string' }, ...metadata }, [
        'code',
        'nameZh',
        'nameEn',
        'description',
        'categoryCode',
        'subcategoryCode',
        'providerCode',
        'sourceSystem',
        'format',
        'updateFrequency',
        'spatialCoverage',
        'fields',
        'sharingAttribute',
        'grade',
        'isOpen',
        'deliveryModes',
        'freeTags',
        'controlledTags',
        'contact',
      ]),
      responses: { 201: dataOf(ref('DatasetDetail')), ...pick(400, 401, 403, 413, 422) },
    }),
  },
  '/api/v1/catalog/datasets/{id}': {
    get: {
      tags: ['catalog'],
      summary: 'Dataset detail with schema and sample rows the caller may see',
      security: optionalAuth,
      parameters: [idParam],
      responses: { 200: dataOf(ref('DatasetDetail')), ...pick(401, 404) },
    },
    patch: write('Change metadata; send the version you read (409 if someone changed it since)', {
      parameters: [idParam],
      requestBody: body({ ...metadata, version: { type: 'integer' } }, ['version']),
      responses: { 200: dataOf(ref('DatasetDetail')), ...pick(400, 401, 403, 404, 409, 413, 422) },
    }),
  },
  '/api/v1/catalog/datasets/{id}/retire': {
    post: write('Retire a dataset (kept with its history, gone from search)', {
      parameters: [idParam],
      requestBody: body({ version: { type: 'integer' }, reason: { type: 'string' } }, ['version']),
      responses: { 200: dataOf(ref('DatasetDetail')), ...pick(401, 403, 404, 409, 422) },
    }),
  },
  '/api/v1/catalog/datasets/{id}/history': {
    get: {
      tags: ['catalog'],
      summary: 'Metadata history: who changed what, when (newest first)',
      security: authed,
      parameters: [idParam, ...page],
      responses: {
        200: json({
          type: 'object',
          properties: {
            data: { type: 'array', items: ref('DatasetRevision') },
            meta: ref('PaginationMeta'),
          },
        }),
        ...pick(401, 403, 404),
      },
    },
  },
}
