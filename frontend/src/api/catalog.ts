import { compactParams, http } from './http'
import type { Envelope, PageQuery, Paginated } from './types'

export const SHARING_ATTRIBUTES = ['unconditional', 'conditional', 'not_shared'] as const
export type SharingAttribute = (typeof SHARING_ATTRIBUTES)[number]
/** Strictest first (就高从严), as the server orders them. */
export const DATA_GRADES = ['core', 'important', 'general'] as const
export type DataGrade = (typeof DATA_GRADES)[number]

export interface CodeName {
  code: string
  nameZh: string
  nameEn: string
}

export interface TaxonomyNode extends CodeName {
  id: number
  sortOrder: number
  /** Datasets the caller can see. */
  datasetCount: number
  subcategories?: TaxonomyNode[]
}

export interface FacetValue {
  value: string
  labelZh: string
  labelEn: string
  count: number
}

export interface DatasetProvider {
  code: string
  name: string
  nameEn: string | null
}

export interface DatasetSummary {
  id: number
  code: string
  nameZh: string
  nameEn: string
  description: string
  category: CodeName
  subcategory: CodeName
  provider: DatasetProvider
  grade: DataGrade
  sharingAttribute: SharingAttribute
  isOpen: boolean
  status: 'draft' | 'published' | 'retired'
  updateFrequency: string
  format: string
  deliveryModes: string[]
  freeTags: string[]
  controlledTags: CodeName[]
  timeCoverage: { start: string | null; end: string | null }
  version: number
  updatedAt: string
}

export interface DatasetField {
  name: string
  labelZh: string
  labelEn: string
  type: string
  unit: string | null
  description: string | null
  /** Masked in samples and previews. */
  sensitive: boolean
  filterable: boolean
}

export interface DatasetContact {
  name: string
  phone: string | null
  email: string | null
}

export interface DatasetDetail extends DatasetSummary {
  sourceSystem: string
  spatialCoverage: string[]
  fields: DatasetField[]
  /** Required unless the dataset is shared unconditionally. */
  legalBasis: string | null
  secrecyLabel: string | null
  contact: DatasetContact
  sample: { columns: string[]; rows: Record<string, unknown>[] } | null
}

export interface DatasetSearch {
  q?: string
  category?: string
  subcategory?: string
  sharing?: SharingAttribute
  grade?: DataGrade
}

export interface DatasetSearchResult extends Paginated<DatasetSummary> {
  /** Per facet, counts with every other filter applied. */
  facets: Record<string, FacetValue[]>
}

export async function fetchTaxonomy(): Promise<TaxonomyNode[]> {
  const res = await http.get<Envelope<TaxonomyNode[]>>('/catalog/taxonomy')
  return res.data.data
}

export async function searchDatasets(
  query: DatasetSearch & Partial<PageQuery>
): Promise<DatasetSearchResult> {
  const res = await http.get<DatasetSearchResult>('/catalog/datasets', {
    params: compactParams(query),
  })
  return res.data
}

export async function fetchDataset(id: number): Promise<DatasetDetail> {
  const res = await http.get<Envelope<DatasetDetail>>(`/catalog/datasets/${id}`)
  return res.data.data
}

export interface ScopeEntry {
  code: string
  name: string
  districtCode: string | null
}

/** What the requested datasets can be narrowed by, and the codes to pick (enterprises searched). */
export interface ScopeOptions {
  dimensions: ('districts' | 'stations' | 'sections' | 'enterprises')[]
  timeRange: boolean
  districts: ScopeEntry[]
  stations: ScopeEntry[]
  sections: ScopeEntry[]
}

export async function fetchScopeOptions(datasets: string[]): Promise<ScopeOptions> {
  const res = await http.get<Envelope<ScopeOptions>>('/catalog/scope-options', {
    params: { datasets: datasets.join(',') },
  })
  return res.data.data
}

export async function searchScopeEnterprises(q: string, page = 1): Promise<Paginated<ScopeEntry>> {
  const res = await http.get<Paginated<ScopeEntry>>('/catalog/scope-options/enterprises', {
    params: compactParams({ q, page, perPage: 20 }),
  })
  return res.data
}
