/*
 * The shape in which a dataset (数据资源) is declared in code: by the demo-data generator
 * for the stores it fills, and by catalog seeds. `upsertDataset()` in
 * app/services/catalog/upsert_dataset.ts stores it (metadata, fields, tags, history).
 */
export type SharingAttribute = 'unconditional' | 'conditional' | 'not_shared'
export type DataGrade = 'core' | 'important' | 'general'
export type UpdateFrequency =
  'realtime' | 'hourly' | 'daily' | 'monthly' | 'quarterly' | 'yearly' | 'irregular'
export type DeliveryMode = 'api' | 'file' | 'visual' | 'subscription' | 'exchange'
export type FieldType =
  'string' | 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'geometry'

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
  format: 'table' | 'time_series' | 'geo' | 'document'
  updateFrequency: UpdateFrequency
  timeCoverageStart?: string | null
  timeCoverageEnd?: string | null
  spatialCoverage: string[]
  fields: DatasetFieldDefinition[]
  sharingAttribute: SharingAttribute
  /** Required for conditional and not_shared. */
  legalBasis?: string | null
  grade: DataGrade
  secrecyLabel?: string | null
  isOpen: boolean
  deliveryModes: DeliveryMode[]
  freeTags: string[]
  controlledTags: string[]
  contact: { name: string; phone?: string | null; email?: string | null }
  /** The typed table holding the rows (null for metadata-only resources). */
  storeTable: string | null
  /** Open data product of the supermarket (DOMAIN.md §6), with its preview query name. */
  product?: { previewKey: string } | null
}
