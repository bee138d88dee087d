import { col, common, storeDataset, type StoreDataset } from '#services/stores/store_definition'

/*
 * Thematic stores of pollution sources (污染源专题库). Online monitoring is LONG (one row per
 * outlet, factor and time): unlike air stations, outlets report different factor sets
 * (wastewater COD/NH3-N/TP vs flue-gas SO2/NOx/dust), each value with its own HJ 212 flag.
 */
const product = (previewKey: string) => ({
  isOpen: true,
  product: { previewKey },
  controlledTags: ['数据超市'],
})
const online = {
  providerCode: 'JC-EEB-MON',
  sourceSystem: '江城市污染源自动监控系统（HJ 212-2017）',
}

export const ONLINE_MONITORING = storeDataset(online, {
  code: 'PS-ONLINE-002',
  nameZh: '污染源在线监测数据',
  nameEn: 'Pollution-source online monitoring values',
  description:
    '重点排污单位排放口经 HJ 212-2017 上传的监测因子均值（CN=2031 日数据 / 2061 小时数据）、数据标记与超标判定。',
  categoryCode: 'PS',
  subcategoryCode: 'PS-ONLINE',
  storeTable: 'online_monitoring',
  format: 'time_series',
  updateFrequency: 'hourly',
  timeCoverageStart: '2018-01-01',
  sharingAttribute: 'conditional',
  legalBasis: '《污染源自动监控管理办法》：逐时监测数据涉及企业生产经营信息，供监管部门有条件共享',
  grade: 'important',
  freeTags: ['在线监测', 'HJ 212', '排放口', '超标'],
  fields: [
    col.str('outlet_code', '排放口编码', 'Outlet code', {
      length: 24,
      nullable: false,
      filterable: true,
    }),
    col.str('factor_code', '监测因子编码', 'Factor code', {
      length: 8,
      nullable: false,
      filterable: true,
    }),
    col.time('observed_at', '数据时间', 'Data time', { nullable: false, filterable: true }),
    col.str('cn', '命令编码', 'Command code', {
      length: 4,
      filterable: true,
      description: '2031 日数据 / 2061 小时数据',
    }),
    common.enterpriseCode(),
    common.district(),
    col.dec('avg_value', '均值', 'Average', { filterable: true }),
    col.str('unit', '单位', 'Unit', { length: 12 }),
    col.dec('limit_value', '排放限值', 'Limit', {}),
    col.str('flag', '数据标记', 'HJ 212 flag', {
      length: 1,
      filterable: true,
      description: 'N/F/M/S/D/C/T/B',
    }),
    col.bool('exceeded', '是否超标', 'Exceeded', { filterable: true }),
  ],
  layout: {
    primary: ['outlet_code', 'observed_at', 'factor_code'],
    indexes: [
      ['enterprise_code', 'observed_at'],
      ['district_code', 'observed_at'],
    ],
    partitionedBy: 'observed_at',
    timeField: 'observed_at',
  },
})

export const ONLINE_EXCEEDANCES = storeDataset(online, {
  code: 'PS-ONLINE-003',
  nameZh: '在线监测超标信息公开',
  nameEn: 'Online-monitoring exceedances',
  description:
    '在线监测日均值超过执行排放标准的记录：企业、排放口、因子、监测值、限值与超标倍数（依法公开）。',
  categoryCode: 'PS',
  subcategoryCode: 'PS-ONLINE',
  storeTable: 'online_exceedances',
  updateFrequency: 'daily',
  timeCoverageStart: '2018-01-01',
  freeTags: ['超标', '在线监测', '信息公开'],
  ...product('online_exceedances'),
  fields: [
    col.str('outlet_code', '排放口编码', 'Outlet code', { length: 24, filterable: true }),
    common.enterpriseCode(),
    common.enterpriseName(),
    common.district(),
    col.str('factor_code', '监测因子编码', 'Factor code', { length: 8, filterable: true }),
    col.str('factor_name', '监测因子', 'Factor', { length: 16 }),
    col.date('observed_on', '超标日期', 'Date', { filterable: true }),
    col.dec('avg_value', '日均值', 'Daily average'),
    col.dec('limit_value', '排放限值', 'Limit'),
    col.dec('multiple', '超标倍数', 'Exceedance multiple', { filterable: true }),
    col.str('unit', '单位', 'Unit', { length: 12 }),
    col.str('standard_code', '执行标准', 'Standard', { length: 32 }),
  ],
  layout: {
    indexes: [
      ['enterprise_code', 'observed_on'],
      ['district_code', 'observed_on'],
      ['observed_on'],
    ],
    timeField: 'observed_on',
  },
})

export const HAZARDOUS_WASTE_LICENCES = storeDataset(
  { providerCode: 'JC-EEB-WASTE', sourceSystem: '江城市固体废物管理信息系统' },
  {
    code: 'PS-WASTE-001',
    nameZh: '危险废物经营许可证',
    nameEn: 'Hazardous-waste operating licences',
    description: '危险废物经营单位、许可证号、核准经营类别（HW编码）、经营方式、规模与有效期。',
    categoryCode: 'PS',
    subcategoryCode: 'PS-WASTE',
    storeTable: 'hazardous_waste_licences',
    updateFrequency: 'monthly',
    freeTags: ['危险废物', '经营许可'],
    ...product('hazardous_waste_licences'),
    fields: [
      col.str('licence_no', '许可证编号', 'Licence number', { length: 24, filterable: true }),
      common.enterpriseCode(),
      common.enterpriseName(),
      common.district(),
      col.str('operation_type', '经营方式', 'Operation type', { length: 16, filterable: true }),
      col.str('waste_categories', '核准经营类别', 'Approved categories', { length: 128 }),
      col.int('capacity_tpa', '核准规模', 'Capacity', { unit: 't/a', filterable: true }),
      col.date('issued_on', '发证日期', 'Issued on', { filterable: true }),
      col.date('valid_until', '有效期至', 'Valid until', { filterable: true }),
    ],
    layout: { indexes: [['licence_no'], ['district_code']], timeField: 'issued_on' },
  }
)

export const VEHICLE_INSPECTION_STATIONS = storeDataset(
  { providerCode: 'JC-EEB-AIR', sourceSystem: '江城市机动车排放检验监管系统' },
  {
    code: 'PS-VEH-001',
    nameZh: '机动车排放检验机构',
    nameEn: 'Vehicle emission inspection stations',
    description: '机动车排放检验机构名称、地址、检测线数量、检测方法与联网状态。',
    categoryCode: 'PS',
    subcategoryCode: 'PS-VEH',
    storeTable: 'vehicle_inspection_stations',
    updateFrequency: 'monthly',
    freeTags: ['机动车', '尾气检测'],
    ...product('vehicle_inspection_stations'),
    fields: [
      col.str('station_code', '机构编码', 'Station code', { length: 16, filterable: true }),
      col.str('station_name', '机构名称', 'Station name', { length: 64 }),
      common.district(),
      col.str('address', '地址', 'Address', { length: 128 }),
      col.int('lanes', '检测线数量', 'Lanes', { storage: 'tinyint', filterable: true }),
      col.str('methods', '检测方法', 'Methods', { length: 64 }),
      col.bool('networked', '已联网', 'Networked', { filterable: true }),
      col.str('phone', '服务电话', 'Phone', { length: 16 }),
      common.lon(),
      common.lat(),
    ],
    layout: { indexes: [['station_code'], ['district_code']] },
  }
)

export const SOIL_SUPERVISION_UNITS = storeDataset(
  { providerCode: 'JC-EEB-SOIL', sourceSystem: '江城市土壤环境管理系统' },
  {
    code: 'EQ-SOIL-001',
    nameZh: '土壤污染重点监管单位名录',
    nameEn: 'Soil key-supervision units',
    description: '土壤污染重点监管单位、行业、主要特征污染物、列入年份与隐患排查状态。',
    categoryCode: 'EQ',
    subcategoryCode: 'EQ-SOIL',
    storeTable: 'soil_supervision_units',
    updateFrequency: 'yearly',
    freeTags: ['土壤', '重点监管单位'],
    ...product('soil_supervision_units'),
    fields: [
      common.enterpriseCode(),
      common.enterpriseName(),
      common.creditCode(),
      common.industry(),
      common.district(),
      col.str('main_pollutants', '特征污染物', 'Characteristic pollutants', { length: 64 }),
      col.int('listed_year', '列入年份', 'Listed in year', { filterable: true }),
      col.str('hazard_check_status', '隐患排查', 'Hazard check', { length: 16, filterable: true }),
    ],
    layout: { indexes: [['enterprise_code'], ['district_code']] },
  }
)

export const SOURCE_DATASETS: StoreDataset[] = [
  ONLINE_MONITORING,
  ONLINE_EXCEEDANCES,
  HAZARDOUS_WASTE_LICENCES,
  VEHICLE_INSPECTION_STATIONS,
  SOIL_SUPERVISION_UNITS,
]
