import { col, common, storeDataset, type StoreDataset } from '#services/stores/store_definition'

/*
 * Thematic stores of environmental quality (环境质量专题库).
 *
 * Air hourly is WIDE (one row per station-hour, a column per pollutant) rather than long
 * (one row per station-hour-pollutant): the dominant query reads every pollutant of one
 * station over a time range, so wide reads 720 rows from one primary-key range per month
 * instead of 5 040, stores the key once instead of 7 times and lets AQI sit beside its inputs.
 * The national monitoring network publishes the same shape; a new pollutant is a new column.
 */
const monitoring = { providerCode: 'JC-EEB-MON', sourceSystem: '江城市生态环境监测数据平台' }
const product = (previewKey: string) => ({
  isOpen: true,
  product: { previewKey },
  controlledTags: ['数据超市'],
})
const ug = 'µg/m³'

const pollutant = (name: string, zh: string, en: string, unit = ug) =>
  col.int(name, zh, en, { unit, storage: 'smallint', filterable: true })

export const AIR_QUALITY_HOURLY = storeDataset(monitoring, {
  code: 'EQ-AIR-002',
  nameZh: '空气质量小时数据（分站点AQI）',
  nameEn: 'Hourly air quality and AQI by station',
  description:
    '各空气自动站逐小时 PM2.5、PM10、SO2、NO2、CO、O3、O3-8h 浓度及按 HJ 633-2012 计算的 AQI、级别与首要污染物。',
  categoryCode: 'EQ',
  subcategoryCode: 'EQ-AIR',
  storeTable: 'air_quality_hourly',
  format: 'time_series',
  updateFrequency: 'hourly',
  timeCoverageStart: '2018-01-01',
  freeTags: ['空气', 'AQI', 'PM2.5', '小时值', '空气质量'],
  ...product('air_hourly_aqi'),
  fields: [
    col.str('station_code', '站点编码', 'Station code', {
      length: 16,
      nullable: false,
      filterable: true,
    }),
    col.time('observed_at', '监测时间', 'Observed at', {
      nullable: false,
      filterable: true,
      description: 'UTC，整点',
    }),
    common.district(),
    pollutant('pm25', 'PM2.5浓度', 'PM2.5'),
    pollutant('pm10', 'PM10浓度', 'PM10'),
    pollutant('so2', 'SO2浓度', 'SO2'),
    pollutant('no2', 'NO2浓度', 'NO2'),
    col.dec('co', 'CO浓度', 'CO', { unit: 'mg/m³', filterable: true }),
    pollutant('o3', 'O3浓度', 'O3 (1 h)'),
    pollutant('o3_8h', 'O3滑动8小时浓度', 'O3 (8 h moving)'),
    col.int('aqi', '空气质量指数', 'AQI', { storage: 'smallint', filterable: true }),
    col.int('aqi_level', 'AQI级别', 'AQI level', { storage: 'tinyint', filterable: true }),
    col.str('primary_pollutant', '首要污染物', 'Primary pollutant', {
      length: 32,
      filterable: true,
    }),
  ],
  layout: {
    primary: ['station_code', 'observed_at'],
    // (time, station) serves "latest hour" and the newest-first listing of the public API.
    indexes: [
      ['district_code', 'observed_at'],
      ['observed_at', 'station_code'],
    ],
    partitionedBy: 'observed_at',
    timeField: 'observed_at',
  },
})

export const AIR_QUALITY_DAILY = storeDataset(monitoring, {
  code: 'EQ-AIR-003',
  nameZh: '空气质量日报（全市及各区）',
  nameEn: 'Daily air-quality report (city and districts)',
  description:
    '由小时数据物化的全市及12个区日均浓度、日AQI、级别类别与首要污染物（HJ 633-2012 日报）。',
  categoryCode: 'EQ',
  subcategoryCode: 'EQ-AIR',
  storeTable: 'air_quality_daily',
  format: 'time_series',
  updateFrequency: 'daily',
  timeCoverageStart: '2018-01-01',
  freeTags: ['空气', 'AQI', '日报', '空气质量'],
  ...product('air_daily_report'),
  fields: [
    col.str('area_code', '区域代码', 'Area code', {
      length: 6,
      nullable: false,
      filterable: true,
      description: '420100 为全市',
    }),
    col.str('area_name', '区域名称', 'Area', { length: 16 }),
    col.date('report_date', '日期', 'Date', { nullable: false, filterable: true }),
    pollutant('pm25', 'PM2.5日均', 'PM2.5 24 h'),
    pollutant('pm10', 'PM10日均', 'PM10 24 h'),
    pollutant('so2', 'SO2日均', 'SO2 24 h'),
    pollutant('no2', 'NO2日均', 'NO2 24 h'),
    col.dec('co', 'CO日均', 'CO 24 h', { unit: 'mg/m³' }),
    pollutant('o3_8h', 'O3日最大8小时', 'O3 max 8 h'),
    col.int('aqi', '日AQI', 'Daily AQI', { storage: 'smallint', filterable: true }),
    col.int('aqi_level', 'AQI级别', 'AQI level', { storage: 'tinyint', filterable: true }),
    col.str('aqi_category', '空气质量类别', 'Category', { length: 8, filterable: true }),
    col.str('primary_pollutant', '首要污染物', 'Primary pollutant', {
      length: 32,
      filterable: true,
    }),
  ],
  layout: {
    primary: ['area_code', 'report_date'],
    indexes: [['report_date']],
    timeField: 'report_date',
  },
})

const waterParameters = [
  col.dec('ph', 'pH', 'pH'),
  col.dec('dissolved_oxygen', '溶解氧', 'Dissolved oxygen', { unit: 'mg/L' }),
  col.dec('codmn', '高锰酸盐指数', 'CODMn', { unit: 'mg/L' }),
  col.dec('cod', '化学需氧量', 'COD', { unit: 'mg/L' }),
  col.dec('bod5', '五日生化需氧量', 'BOD5', { unit: 'mg/L' }),
  col.dec('nh3n', '氨氮', 'NH3-N', { unit: 'mg/L' }),
  col.dec('tp', '总磷', 'Total phosphorus', { unit: 'mg/L' }),
]
const waterAssessment = [
  col.str('water_class', '水质类别', 'Water class', { length: 4, filterable: true }),
  col.str('target_class', '目标类别', 'Target class', { length: 4, filterable: true }),
  col.bool('compliant', '是否达标', 'Compliant', { filterable: true }),
  col.str('exceeding_items', '超标项目', 'Exceeding parameters', { length: 64 }),
]

export const WATER_QUALITY = storeDataset(monitoring, {
  code: 'EQ-SW-002',
  nameZh: '地表水水质监测数据（断面月度/周类别）',
  nameEn: 'Surface-water quality by section (monthly and weekly class)',
  description: '各断面周、月监测值与按 GB 3838-2002 评价的水质类别、目标达标情况与超标项目。',
  categoryCode: 'EQ',
  subcategoryCode: 'EQ-SW',
  storeTable: 'water_quality',
  format: 'time_series',
  updateFrequency: 'monthly',
  timeCoverageStart: '2018-01-01',
  freeTags: ['水质', '地表水', '断面', '水质类别'],
  ...product('water_monthly_class'),
  fields: [
    col.str('section_code', '断面编码', 'Section code', {
      length: 16,
      nullable: false,
      filterable: true,
    }),
    col.str('period_type', '周期', 'Period', {
      length: 8,
      nullable: false,
      filterable: true,
      description: 'monthly/weekly',
    }),
    col.date('sampled_on', '采样日期', 'Sampled on', { nullable: false, filterable: true }),
    common.district(),
    ...waterParameters,
    ...waterAssessment,
  ],
  layout: {
    primary: ['section_code', 'period_type', 'sampled_on'],
    indexes: [['district_code', 'sampled_on'], ['sampled_on']],
    timeField: 'sampled_on',
  },
})

export const DRINKING_WATER_QUALITY = storeDataset(
  { providerCode: 'JC-EEB-WATER', sourceSystem: '江城市饮用水水源地监管系统' },
  {
    code: 'EQ-DW-001',
    nameZh: '集中式饮用水水源地水质达标情况',
    nameEn: 'Drinking-water source compliance',
    description: '集中式饮用水水源地逐月水质类别、是否达到 III 类目标及超标项目。',
    categoryCode: 'EQ',
    subcategoryCode: 'EQ-DW',
    storeTable: 'drinking_water_quality',
    format: 'time_series',
    updateFrequency: 'monthly',
    timeCoverageStart: '2018-01-01',
    freeTags: ['饮用水', '水源地', '水质'],
    ...product('drinking_water_compliance'),
    fields: [
      col.str('source_code', '水源地编码', 'Source code', {
        length: 16,
        nullable: false,
        filterable: true,
      }),
      col.str('source_name', '水源地名称', 'Source name', { length: 64 }),
      col.date('sampled_on', '采样日期', 'Sampled on', { nullable: false, filterable: true }),
      common.district(),
      ...waterParameters,
      ...waterAssessment,
    ],
    layout: {
      primary: ['source_code', 'sampled_on'],
      indexes: [['sampled_on']],
      timeField: 'sampled_on',
    },
  }
)

export const NOISE_MONITORING = storeDataset(monitoring, {
  code: 'EQ-NOISE-001',
  nameZh: '声环境功能区噪声监测',
  nameEn: 'Noise monitoring by functional zone',
  description: '功能区声环境监测点昼间、夜间等效声级（Leq）与 GB 3096-2008 限值比较。',
  categoryCode: 'EQ',
  subcategoryCode: 'EQ-NOISE',
  storeTable: 'noise_monitoring',
  updateFrequency: 'quarterly',
  timeCoverageStart: '2018-01-01',
  freeTags: ['噪声', '声环境'],
  ...product('noise_monitoring'),
  fields: [
    col.str('point_code', '点位编码', 'Point code', { length: 16, filterable: true }),
    col.str('point_name', '点位名称', 'Point name', { length: 64 }),
    common.district(),
    col.int('functional_zone', '功能区类别', 'Functional zone class', {
      storage: 'tinyint',
      filterable: true,
    }),
    col.date('measured_on', '监测日期', 'Measured on', { filterable: true }),
    col.str('period', '时段', 'Period', { length: 8, filterable: true, description: 'day/night' }),
    col.dec('leq_db', '等效声级', 'Leq', { unit: 'dB(A)', filterable: true }),
    col.int('limit_db', '标准限值', 'Limit', { unit: 'dB(A)' }),
    col.bool('compliant', '是否达标', 'Compliant', { filterable: true }),
  ],
  layout: {
    indexes: [
      ['point_code', 'measured_on'],
      ['district_code', 'measured_on'],
    ],
    timeField: 'measured_on',
  },
})

export const RADIATION_MONITORING = storeDataset(monitoring, {
  code: 'EQ-RAD-001',
  nameZh: '辐射环境质量监测',
  nameEn: 'Radiation environment monitoring',
  description: '辐射环境自动站与监测点的空气吸收剂量率（γ辐射）月均值。',
  categoryCode: 'EQ',
  subcategoryCode: 'EQ-RAD',
  storeTable: 'radiation_monitoring',
  updateFrequency: 'monthly',
  timeCoverageStart: '2018-01-01',
  freeTags: ['辐射', 'γ剂量率'],
  ...product('radiation_monitoring'),
  fields: [
    col.str('point_code', '点位编码', 'Point code', { length: 16, filterable: true }),
    col.str('point_name', '点位名称', 'Point name', { length: 64 }),
    common.district(),
    col.date('measured_on', '监测月份', 'Month', { filterable: true }),
    col.dec('gamma_dose_rate', '空气吸收剂量率', 'Gamma dose rate', {
      unit: 'nGy/h',
      filterable: true,
    }),
    col.str('assessment', '评价', 'Assessment', { length: 16, filterable: true }),
  ],
  layout: { indexes: [['point_code', 'measured_on'], ['measured_on']], timeField: 'measured_on' },
})

export const QUALITY_DATASETS: StoreDataset[] = [
  AIR_QUALITY_HOURLY,
  AIR_QUALITY_DAILY,
  WATER_QUALITY,
  DRINKING_WATER_QUALITY,
  NOISE_MONITORING,
  RADIATION_MONITORING,
]
