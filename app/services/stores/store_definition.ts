import type {
  DatasetDefinition,
  DatasetFieldDefinition,
  FieldType,
} from '#services/catalog/dataset_definition'

/*
 * A dataset whose rows live in a typed store table: the catalog definition plus what the
 * migration needs (column storage, keys, indexes, partitioning). One declaration feeds the
 * migration, the generator, the catalog and the public records API, so they cannot drift.
 */
export type ColumnStorage = 'tinyint' | 'smallint' | 'integer' | 'bigint' | 'double' | 'text'

export interface StoreField extends DatasetFieldDefinition {
  length?: number
  nullable?: boolean
  storage?: ColumnStorage
}

export interface StoreLayout {
  /** Natural composite primary key; without it the table gets a bigint `id`. */
  primary?: string[]
  indexes?: string[][]
  /** MySQL/MariaDB: monthly RANGE partitions on this datetime column (must be in `primary`). */
  partitionedBy?: string
  /** The column that time-range filters and the default sort use. */
  timeField?: string
}

export interface StoreDataset extends Omit<DatasetDefinition, 'fields' | 'storeTable'> {
  storeTable: string
  fields: StoreField[]
  layout: StoreLayout
}

type FieldOptions = Partial<Omit<StoreField, 'name' | 'labelZh' | 'labelEn' | 'type'>>

function field(type: FieldType) {
  return (
    name: string,
    labelZh: string,
    labelEn: string,
    options: FieldOptions = {}
  ): StoreField => ({
    name,
    labelZh,
    labelEn,
    type,
    ...options,
  })
}

/** Compact field builders: `col.str('station_code', '站点编码', 'Station code', { filterable: true })`. */
export const col = {
  str: field('string'),
  int: field('integer'),
  dec: field('decimal'),
  bool: field('boolean'),
  date: field('date'),
  time: field('datetime'),
}

/** Fields many stores share. */
export const common = {
  district: () =>
    col.str('district_code', '行政区划代码', 'District code', { length: 6, filterable: true }),
  districtName: () => col.str('district_name', '行政区', 'District', { length: 16 }),
  lon: () => col.dec('longitude', '经度', 'Longitude', { unit: '°' }),
  lat: () => col.dec('latitude', '纬度', 'Latitude', { unit: '°' }),
  enterpriseCode: () =>
    col.str('enterprise_code', '企业编码', 'Enterprise code', { length: 16, filterable: true }),
  enterpriseName: () => col.str('enterprise_name', '企业名称', 'Enterprise name', { length: 100 }),
  creditCode: () =>
    col.str('credit_code', '统一社会信用代码', 'Unified social credit code', {
      length: 18,
      filterable: true,
    }),
  industry: () => col.str('industry', '行业', 'Industry', { length: 32, filterable: true }),
}

/** The catalog's view of a store dataset: storage details stripped from the fields. */
export function toDatasetDefinition(dataset: StoreDataset): DatasetDefinition {
  const { layout, fields, ...rest } = dataset
  const catalogFields = fields.map((storeField) => {
    const { length, nullable, storage, ...catalogField } = storeField
    return catalogField
  })
  return { ...rest, fields: catalogFields }
}

type RequiredKeys =
  | 'code'
  | 'nameZh'
  | 'nameEn'
  | 'description'
  | 'categoryCode'
  | 'subcategoryCode'
  | 'storeTable'
  | 'fields'
  | 'layout'

/** Builds a store dataset from its group's shared values (provider, source…) and its own. */
export function storeDataset(
  group: Partial<StoreDataset>,
  dataset: Partial<StoreDataset> & Pick<StoreDataset, RequiredKeys>
): StoreDataset {
  return {
    format: 'table',
    updateFrequency: 'irregular',
    sharingAttribute: 'unconditional',
    legalBasis: null,
    grade: 'general',
    isOpen: false,
    deliveryModes: ['api', 'file', 'visual'],
    freeTags: [],
    controlledTags: [],
    spatialCoverage: ['420100'],
    sourceSystem: '江城市生态环境大数据平台',
    contact: { name: '数据管理中心', phone: '027-8888-0000', email: 'data@eeb.jiangcheng.gov.cn' },
    product: null,
    providerCode: 'JC-EEB-DATA',
    ...group,
    ...dataset,
  }
}
