import db from '@adonisjs/lucid/services/db'
import type { RowScope } from '#models/grant'
import { DISTRICTS } from '#database/data/city'
import { STORE_DATASETS } from '#database/data/datasets/index'
import { AIR_STATIONS, ENTERPRISES, WATER_SECTIONS } from '#database/data/datasets/base'
import { previewLabelScope } from '#services/catalog/record_labels'
import type { CatalogViewer } from '#services/catalog/catalog_viewer'
import type { StoreDataset } from '#services/stores/store_definition'
import { SCOPE_COLUMNS, type ScopeDimension } from '#services/delivery/grant_terms'
import FieldConflictException from '#exceptions/field_conflict_exception'
import { containsPattern } from '#services/sql_like'

/*
 * What a request's row scope can name, for the form's scope editor and for the server's check
 * of a submitted scope. Codes come from the base stores, read with the viewer's labels, so the
 * picker never reveals a station or enterprise the applicant could not see in the catalog.
 */
const REGISTERS = {
  stations: { store: AIR_STATIONS, code: 'station_code', name: 'station_name' },
  sections: { store: WATER_SECTIONS, code: 'section_code', name: 'section_name' },
  enterprises: { store: ENTERPRISES, code: 'enterprise_code', name: 'enterprise_name' },
} as const
type Register = keyof typeof REGISTERS

export interface ScopeEntry {
  code: string
  name: string
  districtCode: string | null
}

/** The store datasets among the codes (datasets without a store of ours cannot be narrowed). */
function storesOf(datasetCodes: string[]): StoreDataset[] {
  const wanted = new Set(datasetCodes.map((code) => code.toUpperCase()))
  return STORE_DATASETS.filter((dataset) => wanted.has(dataset.code))
}

/** Dimensions at least one of the datasets has a column for, and whether any has a time field. */
export function scopeDimensions(datasets: StoreDataset[]) {
  const dimensions = (Object.keys(SCOPE_COLUMNS) as ScopeDimension[]).filter((dimension) =>
    datasets.some((d) => d.fields.some((f) => f.name === SCOPE_COLUMNS[dimension]))
  )
  const timeRange = datasets.some((d) => Boolean(d.layout.timeField))
  return { dimensions, timeRange }
}

function labelled(viewer: CatalogViewer, register: Register) {
  const { store, code, name } = REGISTERS[register]
  const labels = previewLabelScope(viewer.kind === 'public' ? 'public' : 'internal')
  return db
    .from(store.storeTable)
    .whereIn('sharing_scope', labels.sharingScopes)
    .whereIn('classification_level', labels.classificationLevels)
    .select({ code, name, districtCode: 'district_code' })
}

async function registeredCodes(viewer: CatalogViewer, register: Register, codes: string[]) {
  const rows: ScopeEntry[] = await labelled(viewer, register).whereIn(
    REGISTERS[register].code,
    codes
  )
  return rows.map((row) => row.code)
}

const districtList = (): ScopeEntry[] =>
  DISTRICTS.map(([, name, code]) => ({ code, name, districtCode: code }))

/** The editor's choices: districts, stations and sections listed in full; enterprises searched. */
export async function scopeOptions(datasetCodes: string[], viewer: CatalogViewer) {
  const { dimensions, timeRange } = scopeDimensions(storesOf(datasetCodes))
  const list = async (register: 'stations' | 'sections') =>
    dimensions.includes(register)
      ? ((await labelled(viewer, register).orderBy(REGISTERS[register].code)) as ScopeEntry[])
      : []
  return {
    dimensions,
    timeRange,
    districts: dimensions.includes('districts') ? districtList() : [],
    stations: await list('stations'),
    sections: await list('sections'),
  }
}

/** 500 enterprises are too many for one list: searched by code or name, a page at a time. */
export async function searchEnterprises(
  viewer: CatalogViewer,
  search: string | undefined,
  page: number,
  perPage: number
) {
  const query = labelled(viewer, 'enterprises')
  if (search) {
    const like = containsPattern(search)
    query.where((q) =>
      q.where('enterprise_code', 'like', like).orWhere('enterprise_name', 'like', like)
    )
  }
  const [{ total }] = await query.clone().clearSelect().count('* as total')
  const rows = (await query
    .orderBy('enterprise_code')
    .offset((page - 1) * perPage)
    .limit(perPage)) as ScopeEntry[]
  return { rows, total: Number(total) }
}

export interface ScopeInput {
  districts?: string[]
  stations?: string[]
  sections?: string[]
  enterprises?: string[]
  from?: Date
  to?: Date
  note?: string
}

const SCOPE_KEYS = [...Object.keys(SCOPE_COLUMNS), 'from', 'to', 'note']

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`

/**
 * A submitted structured scope, checked against the requested datasets and the city: every
 * dimension must apply to one of the datasets, every code must exist (and be visible to the
 * applicant), and the time range must be ordered. Empty lists are dropped; nothing left → null.
 */
export async function checkRowScope(
  input: ScopeInput,
  datasetCodes: string[],
  viewer: CatalogViewer
): Promise<RowScope | null> {
  const unknownKeys = Object.keys(input).filter((key) => !SCOPE_KEYS.includes(key))
  if (unknownKeys.length)
    throw new FieldConflictException(
      'rowScope',
      'unknownFields',
      `不支持的范围项 / unknown scope keys: ${unknownKeys.slice(0, 10).join(', ')}`
    )
  const { dimensions, timeRange } = scopeDimensions(storesOf(datasetCodes))
  const scope: RowScope = {}
  for (const dimension of Object.keys(SCOPE_COLUMNS) as ScopeDimension[]) {
    const codes = input[dimension]
    if (!codes?.length) continue
    if (!dimensions.includes(dimension))
      throw new FieldConflictException(
        `rowScope.${dimension}`,
        'dimension',
        '所选数据集不能按此维度限定范围 / the requested datasets cannot be narrowed by this dimension'
      )
    const known = new Set(
      dimension === 'districts'
        ? DISTRICTS.map(([, , code]) => code)
        : await registeredCodes(viewer, dimension, codes)
    )
    const unknown = codes.filter((code) => !known.has(code))
    if (unknown.length)
      throw new FieldConflictException(
        `rowScope.${dimension}`,
        'database.exists',
        `编码不存在 / unknown codes: ${unknown.slice(0, 10).join(', ')}`
      )
    scope[dimension] = codes
  }
  if (input.from || input.to) {
    if (!timeRange)
      throw new FieldConflictException(
        'rowScope.from',
        'dimension',
        '所选数据集没有时间字段，不能按时间限定 / the requested datasets have no time field'
      )
    if (input.from && input.to && input.from >= input.to)
      throw new FieldConflictException(
        'rowScope.to',
        'afterField',
        '结束日期须晚于开始日期 / the end date must be after the start date'
      )
    if (input.from) scope.from = isoDay(input.from)
    if (input.to) scope.to = isoDay(input.to)
  }
  if (input.note) scope.note = input.note
  return Object.keys(scope).length ? scope : null
}
