import vine from '@vinejs/vine'
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

export const DATASET_CODE_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/
export const FIELD_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/
const TAXONOMY_CODE_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/
const TAG_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
// Mobile or landline with area code: 13812345678, 027-85551234, 027-8555-1234, 02785551234.
const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}[- ]?\d{3,4}[- ]?\d{4})$/

const text = (max: number) => vine.string().trim().minLength(1).maxLength(max)

const field = vine.object({
  name: vine.string().trim().regex(FIELD_NAME_PATTERN),
  labelZh: text(100),
  labelEn: text(100),
  type: vine.enum(FIELD_TYPES),
  unit: vine.string().trim().maxLength(32).nullable().optional(),
  description: vine.string().trim().maxLength(500).nullable().optional(),
  sensitive: vine.boolean({ strict: true }).optional(),
  filterable: vine.boolean({ strict: true }).optional(),
})

const contact = vine.object({
  name: text(100),
  phone: vine.string().trim().regex(PHONE_PATTERN).nullable().optional(),
  email: vine.string().trim().email().maxLength(254).nullable().optional(),
})

/** Metadata a catalog admin writes. `storeTable` and `product` are set from code only. */
const datasetFields = {
  code: vine.string().trim().toUpperCase().maxLength(64).regex(DATASET_CODE_PATTERN),
  nameZh: text(200),
  nameEn: text(200),
  description: text(4000),
  categoryCode: vine.string().trim().toUpperCase().maxLength(16),
  subcategoryCode: vine.string().trim().toUpperCase().maxLength(32),
  providerCode: vine.string().trim().toUpperCase().maxLength(64),
  sourceSystem: text(200),
  format: vine.enum(DATASET_FORMATS),
  updateFrequency: vine.enum(UPDATE_FREQUENCIES),
  timeCoverageStart: vine.string().trim().regex(ISO_DATE).nullable().optional(),
  timeCoverageEnd: vine.string().trim().regex(ISO_DATE).nullable().optional(),
  spatialCoverage: vine
    .array(
      vine
        .string()
        .trim()
        .regex(/^\d{6}$/)
    )
    .distinct()
    .maxLength(50),
  fields: vine.array(field).maxLength(200),
  sharingAttribute: vine.enum(SHARING_ATTRIBUTES),
  legalBasis: vine.string().trim().maxLength(2000).nullable().optional(),
  grade: vine.enum(DATA_GRADES),
  secrecyLabel: vine.enum(SECRECY_LABELS).nullable().optional(),
  isOpen: vine.boolean({ strict: true }),
  deliveryModes: vine.array(vine.enum(DELIVERY_MODES)).minLength(1).distinct(),
  freeTags: vine.array(vine.string().trim().minLength(1).maxLength(32)).distinct().maxLength(20),
  // Codes of the vocabulary, or a term's exact Chinese or English name (stored as its code).
  controlledTags: vine
    .array(vine.string().trim().minLength(1).maxLength(100))
    .distinct()
    .maxLength(20),
  contact,
  status: vine.enum(['draft', 'published'] as const).optional(),
}

const { status, ...metadataFields } = datasetFields
type Updatable = Omit<typeof metadataFields, 'code'>
// Every key but the code optional on update; keys that already are (nullable ones) stay as they are.
const optionalUpdates = Object.fromEntries(
  Object.entries(metadataFields)
    .filter(([key]) => key !== 'code')
    .map(([key, schema]) => [key, 'optional' in schema ? schema.clone().optional() : schema])
) as { [K in keyof Updatable]: Updatable[K] extends { optional(): infer R } ? R : Updatable[K] }

export const CREATE_DATASET_FIELDS = Object.keys(datasetFields)
export const createDatasetValidator = vine.create(vine.object(datasetFields))

/** Partial update; `version` is the one the editor read (optimistic lock). The code never changes. */
const updateFields = {
  ...optionalUpdates,
  status,
  version: vine.number().withoutDecimals().positive(),
}
export const UPDATE_DATASET_FIELDS = Object.keys(updateFields)
export const updateDatasetValidator = vine.create(vine.object(updateFields))

export const RETIRE_DATASET_FIELDS = ['version', 'reason']
export const retireDatasetValidator = vine.create(
  vine.object({ version: vine.number().withoutDecimals().positive(), reason: text(500).optional() })
)

/*
 * Search. Facet parameters take several values, repeated (`grade=core&grade=important`) or
 * comma-separated (`grade=core,important`); values of one facet are OR-ed, facets AND-ed,
 * and tags AND-ed among themselves (every chosen tag must be present).
 */
const facetList = () => vine.array(vine.string().trim().maxLength(200)).maxLength(50).optional()
const facetParams = Object.fromEntries(FACETS.map((name) => [name, facetList()])) as Record<
  (typeof FACETS)[number],
  ReturnType<typeof facetList>
>

const searchFields = {
  q: vine.string().trim().maxLength(200).optional(),
  sort: vine.enum(SORTS).optional(),
  page: vine.number().withoutDecimals().range([1, 10_000]).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
  ...facetParams,
}
export const SEARCH_DATASET_FIELDS = Object.keys(searchFields)
export const searchDatasetValidator = vine.create(vine.object(searchFields))

/** Splits comma lists and flattens repeats of the facet parameters. */
export function normaliseFacetParams(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...query }
  for (const name of FACETS) {
    const raw = query[name]
    if (raw === undefined) continue
    const list = (Array.isArray(raw) ? raw : [raw]).flatMap((value) =>
      typeof value === 'string' ? value.split(',') : [value]
    )
    out[name] = list.filter((value) => value !== '')
  }
  return out
}

export const DATASET_HISTORY_FIELDS = ['page', 'perPage']
export const datasetHistoryValidator = vine.create(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
  })
)

/* Taxonomy and controlled tags: codes are fixed at creation, names are editable. */
const names = {
  nameZh: text(100),
  nameEn: text(100),
  sortOrder: vine.number().withoutDecimals().range([0, 100_000]).optional(),
}
const optionalNames = {
  nameZh: text(100).optional(),
  nameEn: text(100).optional(),
  sortOrder: names.sortOrder,
}

export const CREATE_CATEGORY_FIELDS = ['code', 'nameZh', 'nameEn', 'sortOrder']
export const createCategoryValidator = vine.create(
  vine.object({
    code: vine.string().trim().toUpperCase().maxLength(16).regex(TAXONOMY_CODE_PATTERN),
    ...names,
  })
)
export const UPDATE_TAXONOMY_FIELDS = ['nameZh', 'nameEn', 'sortOrder']
export const updateTaxonomyValidator = vine.create(vine.object(optionalNames))

export const CREATE_SUBCATEGORY_FIELDS = ['code', 'categoryCode', 'nameZh', 'nameEn', 'sortOrder']
export const createSubcategoryValidator = vine.create(
  vine.object({
    code: vine.string().trim().toUpperCase().maxLength(32).regex(TAXONOMY_CODE_PATTERN),
    categoryCode: vine.string().trim().toUpperCase().maxLength(16),
    ...names,
  })
)

export const CREATE_TAG_FIELDS = ['code', 'nameZh', 'nameEn']
export const createTagValidator = vine.create(
  vine.object({
    code: vine.string().trim().toLowerCase().regex(TAG_CODE_PATTERN),
    nameZh: text(100),
    nameEn: text(100),
  })
)
export const UPDATE_TAG_FIELDS = ['nameZh', 'nameEn']
export const updateTagValidator = vine.create(
  vine.object({ nameZh: text(100).optional(), nameEn: text(100).optional() })
)

/** The scope editor's options for the datasets being requested (comma-separated codes). */
const scopeOptionsFields = {
  datasets: vine
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,64}(,[A-Za-z0-9-]{1,64}){0,19}$/),
}
export const SCOPE_OPTIONS_FIELDS = Object.keys(scopeOptionsFields)
export const scopeOptionsValidator = vine.create(vine.object(scopeOptionsFields))

const scopeEnterprisesFields = {
  q: vine.string().trim().maxLength(64).optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 50]).optional(),
}
export const SCOPE_ENTERPRISES_FIELDS = Object.keys(scopeEnterprisesFields)
export const scopeEnterprisesValidator = vine.create(vine.object(scopeEnterprisesFields))
