import { col, common, storeDataset, type StoreDataset } from '#services/stores/store_definition'

/*
 * Base stores (基础库): the monitored objects that thematic stores refer to by code.
 */
const monitoring = {
  providerCode: 'JC-EEB-MON',
  sourceSystem: '江城市生态环境监测数据平台',
  updateFrequency: 'yearly' as const,
}

export const AIR_STATIONS = storeDataset(monitoring, {
  code: 'EQ-AIR-001',
  nameZh: '环境空气质量自动监测站点',
  nameEn: 'Ambient air quality monitoring stations',
  description: '国控、省控、市控及区控空气自动站的名称、类型、位置与所属行政区。',
  categoryCode: 'EQ',
  subcategoryCode: 'EQ-AIR',
  storeTable: 'air_stations',
  isOpen: true,
  freeTags: ['空气', '站点', '监测点位'],
  fields: [
    col.str('station_code', '站点编码', 'Station code', {
      length: 16,
      nullable: false,
      filterable: true,
    }),
    col.str('station_name', '站点名称', 'Station name', { length: 64 }),
    col.str('station_type', '站点类型', 'Station type', {
      length: 16,
      filterable: true,
      description: '国控/省控/市控/区控',
    }),
    common.district(),
    common.districtName(),
    common.lon(),
    common.lat(),
    col.date('established_on', '建站日期', 'Established on'),
  ],
  layout: { indexes: [['station_code'], ['district_code']] },
})

export const WATER_SECTIONS = storeDataset(monitoring, {
  code: 'EQ-SW-001',
  nameZh: '地表水监测断面',
  nameEn: 'Surface-water monitoring sections',
  description:
    '河流、湖库监测断面的水体类型、所在水体、考核级别、水质目标（GB 3838-2002 类别）与位置。',
  categoryCode: 'EQ',
  subcategoryCode: 'EQ-SW',
  storeTable: 'water_sections',
  isOpen: true,
  freeTags: ['水质', '地表水', '断面'],
  fields: [
    col.str('section_code', '断面编码', 'Section code', {
      length: 16,
      nullable: false,
      filterable: true,
    }),
    col.str('section_name', '断面名称', 'Section name', { length: 64 }),
    col.str('water_body_type', '水体类型', 'Water body type', {
      length: 8,
      filterable: true,
      description: 'river/lake',
    }),
    col.str('water_body', '所在水体', 'Water body', { length: 32, filterable: true }),
    col.str('assessment_level', '考核级别', 'Assessment level', { length: 16, filterable: true }),
    col.str('target_class', '水质目标', 'Target class', { length: 4, filterable: true }),
    col.bool('drinking_source', '饮用水水源地', 'Drinking-water source', { filterable: true }),
    common.district(),
    common.districtName(),
    common.lon(),
    common.lat(),
  ],
  layout: { indexes: [['section_code'], ['district_code']] },
})

const enforcement = {
  providerCode: 'JC-EEB-ENF',
  sourceSystem: '江城市污染源监管信息系统',
  updateFrequency: 'yearly' as const,
}

export const ENTERPRISES = storeDataset(enforcement, {
  code: 'PS-PERMIT-001',
  nameZh: '重点排污单位名录',
  nameEn: 'Key pollutant-discharge units list',
  description:
    '江城市500家重点排污单位的名称、统一社会信用代码、行业、重点类别、所在区与位置（依《环境监管重点单位名录管理办法》公开）。',
  categoryCode: 'PS',
  subcategoryCode: 'PS-PERMIT',
  storeTable: 'enterprises',
  isOpen: true,
  product: { previewKey: 'key_discharge_units' },
  freeTags: ['重点排污单位', '企业', '名录'],
  controlledTags: ['数据超市'],
  fields: [
    common.enterpriseCode(),
    common.enterpriseName(),
    common.creditCode(),
    common.industry(),
    col.str('key_categories', '重点类别', 'Key categories', {
      length: 64,
      filterable: true,
      description: '水/大气/土壤/噪声/环境风险，逗号分隔',
    }),
    common.district(),
    common.districtName(),
    col.str('address', '地址', 'Address', { length: 128 }),
    common.lon(),
    common.lat(),
    col.str('legal_representative', '法定代表人', 'Legal representative', {
      length: 32,
      sensitive: true,
    }),
    col.int('listed_year', '列入年份', 'Listed in year', { filterable: true }),
  ],
  layout: { indexes: [['enterprise_code'], ['district_code', 'industry'], ['credit_code']] },
})

export const DISCHARGE_PERMITS = storeDataset(enforcement, {
  code: 'PS-PERMIT-002',
  nameZh: '排污许可证登记簿',
  nameEn: 'Discharge-permit register',
  description: '排污许可证编号、持证单位、管理类别（重点/简化/登记）、有效期与发证机关。',
  categoryCode: 'PS',
  subcategoryCode: 'PS-PERMIT',
  providerCode: 'JC-EEB',
  storeTable: 'discharge_permits',
  isOpen: true,
  updateFrequency: 'daily',
  product: { previewKey: 'discharge_permits' },
  freeTags: ['排污许可', '许可证'],
  controlledTags: ['数据超市'],
  fields: [
    col.str('permit_no', '许可证编号', 'Permit number', {
      length: 24,
      nullable: false,
      filterable: true,
    }),
    common.enterpriseCode(),
    common.enterpriseName(),
    common.creditCode(),
    common.industry(),
    col.str('management_class', '管理类别', 'Management class', {
      length: 8,
      filterable: true,
      description: '重点管理/简化管理/登记管理',
    }),
    col.date('issued_on', '发证日期', 'Issued on', { filterable: true }),
    col.date('valid_until', '有效期至', 'Valid until', { filterable: true }),
    col.str('status', '状态', 'Status', { length: 8, filterable: true }),
    common.district(),
  ],
  layout: {
    indexes: [['permit_no'], ['enterprise_code'], ['district_code', 'issued_on']],
    timeField: 'issued_on',
  },
})

export const OUTLETS = storeDataset(enforcement, {
  code: 'PS-ONLINE-001',
  nameZh: '排放口及在线监测设备',
  nameEn: 'Discharge outlets and online analysers',
  description: '废水、废气排放口的编码、所属企业、类型、执行排放标准与数采仪 MN 号。',
  categoryCode: 'PS',
  subcategoryCode: 'PS-ONLINE',
  storeTable: 'outlets',
  sharingAttribute: 'conditional',
  legalBasis: '《排污许可管理条例》第二十三条：数采仪编号等设备信息用于监管，按需有条件共享',
  fields: [
    col.str('outlet_code', '排放口编码', 'Outlet code', {
      length: 24,
      nullable: false,
      filterable: true,
    }),
    common.enterpriseCode(),
    col.str('outlet_type', '排放口类型', 'Outlet type', {
      length: 8,
      filterable: true,
      description: 'water/air',
    }),
    col.str('outlet_name', '排放口名称', 'Outlet name', { length: 64 }),
    col.str('standard_code', '执行标准', 'Emission standard', { length: 32, filterable: true }),
    col.str('mn', '数采仪MN号', 'Data logger MN', { length: 24, sensitive: true }),
    col.bool('online_monitored', '安装在线监测', 'Online monitored', { filterable: true }),
    common.district(),
    common.lon(),
    common.lat(),
  ],
  layout: { indexes: [['outlet_code'], ['enterprise_code']] },
})

export const BASE_DATASETS: StoreDataset[] = [
  AIR_STATIONS,
  WATER_SECTIONS,
  ENTERPRISES,
  DISCHARGE_PERMITS,
  OUTLETS,
]
