/*
 * The shape in which a dataset (数据资源) is declared in code: by the demo-data generator
 * for the stores it fills, and by catalog seeds. `upsertDataset()` in
 * app/services/catalog/upsert_dataset.ts stores it (metadata, fields, tags, history).
 */
export const SHARING_ATTRIBUTES = ['unconditional', 'conditional', 'not_shared'] as const
export type SharingAttribute = (typeof SHARING_ATTRIBUTES)[number]
/** Strictest first (就高从严). */
export const DATA_GRADES = ['core', 'important', 'general'] as const
export type DataGrade = (typeof DATA_GRADES)[number]
export const UPDATE_FREQUENCIES = [
  'realtime',
  'hourly',
  'daily',
  'monthly',
  'quarterly',
  'yearly',
  'irregular',
] as const
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number]
export const DELIVERY_MODES = ['api', 'file', 'visual', 'subscription', 'exchange'] as const
export type DeliveryMode = (typeof DELIVERY_MODES)[number]
export const FIELD_TYPES = [
  'string',
  'integer',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'geometry',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]
export const DATASET_FORMATS = ['table', 'time_series', 'geo', 'document'] as const
export type DatasetFormat = (typeof DATASET_FORMATS)[number]
/** Secrecy labels a record or dataset may carry: 内部 / 工作秘密 / 敏感. Classified (涉密) data never enters this platform. */
export const SECRECY_LABELS = ['internal', 'work_secret', 'sensitive'] as const
export type SecrecyLabel = (typeof SECRECY_LABELS)[number]

export interface DatasetFieldDefinition {
  name: string
  labelZh: string
  labelEn: string
  type: FieldType
  unit?: string | null
  description?: string | null
  sensitive?: boolean
  /** Used by the data API and exports as a filterable/sortable column. */
  filterable?: boolean
}

export interface DatasetDefinition {
  code: string
  nameZh: string
  nameEn: string
  description: string
  categoryCode: string
  subcategoryCode: string
  /** Organisation code of the one authoritative provider (一数一源). */
  providerCode: string
  sourceSystem: string
  format: DatasetFormat
  updateFrequency: UpdateFrequency
  timeCoverageStart?: string | null
  timeCoverageEnd?: string | null
  spatialCoverage: string[]
  fields: DatasetFieldDefinition[]
  sharingAttribute: SharingAttribute
  /** Required for conditional and not_shared. */
  legalBasis?: string | null
  grade: DataGrade
  secrecyLabel?: SecrecyLabel | null
  isOpen: boolean
  deliveryModes: DeliveryMode[]
  freeTags: string[]
  controlledTags: string[]
  contact: { name: string; phone?: string | null; email?: string | null }
  /** The typed table holding the rows (null for metadata-only resources). */
  storeTable: string | null
  /** Open data product of the supermarket (DOMAIN.md §6), with its preview query name. */
  product?: { previewKey: string } | null
  /** Defaults to published; drafts are visible to catalog admins only. */
  status?: 'draft' | 'published'
}
