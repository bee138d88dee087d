import { col, common, storeDataset, type StoreDataset } from '#services/stores/store_definition'

/*
 * Linked data of other city departments (跨部门关联数据). Each has exactly one provider, the
 * department itself (一数一源); the bureau holds a synchronised copy for joint analysis.
 */
const linked = { sharingAttribute: 'unconditional' as const, controlledTags: ['跨部门'] }
const dept = (providerCode: string, sourceSystem: string) => ({
  ...linked,
  providerCode,
  sourceSystem,
})

export const FOREST_COVERAGE = storeDataset(dept('JC-FOREST', '江城市林业资源管理系统'), {
  code: 'ES-FOREST-001',
  nameZh: '各区森林覆盖率',
  nameEn: 'Forest coverage by district',
  description: '各区逐年森林面积、森林覆盖率与建成区绿化覆盖率。',
  categoryCode: 'ES',
  subcategoryCode: 'ES-FOREST',
  storeTable: 'forest_coverage',
  updateFrequency: 'yearly',
  timeCoverageStart: '2018-01-01',
  isOpen: true,
  product: { previewKey: 'forest_coverage' },
  controlledTags: ['跨部门', '数据超市'],
  freeTags: ['森林覆盖率', '绿化'],
  fields: [
    col.str('district_code', '行政区划代码', 'District code', {
      length: 6,
      nullable: false,
      filterable: true,
    }),
    col.int('year', '年份', 'Year', { nullable: false, filterable: true }),
    col.dec('forest_area_ha', '森林面积', 'Forest area', { unit: 'ha' }),
    col.dec('coverage_pct', '森林覆盖率', 'Forest coverage', { unit: '%', filterable: true }),
    col.dec('green_coverage_pct', '建成区绿化覆盖率', 'Built-up green coverage', { unit: '%' }),
  ],
  layout: { primary: ['district_code', 'year'], indexes: [['year']] },
})

export const WEATHER_HOURLY = storeDataset(dept('JC-MET', '江城市气象综合业务平台'), {
  code: 'LK-MET-001',
  nameZh: '气象要素小时观测',
  nameEn: 'Hourly weather observations',
  description: '各区国家气象观测站逐小时气温、相对湿度、风向风速、气压、降水与边界层高度。',
  categoryCode: 'EQ',
  subcategoryCode: 'EQ-AIR',
  storeTable: 'weather_hourly',
  format: 'time_series',
  updateFrequency: 'hourly',
  timeCoverageStart: '2018-01-01',
  freeTags: ['气象', '风速', '降水'],
  fields: [
    col.str('district_code', '行政区划代码', 'District code', {
      length: 6,
      nullable: false,
      filterable: true,
    }),
    col.time('observed_at', '观测时间', 'Observed at', { nullable: false, filterable: true }),
    col.dec('temperature', '气温', 'Temperature', { unit: '℃' }),
    col.int('humidity', '相对湿度', 'Relative humidity', { unit: '%', storage: 'tinyint' }),
    col.dec('wind_speed', '风速', 'Wind speed', { unit: 'm/s' }),
    col.int('wind_direction', '风向', 'Wind direction', { unit: '°', storage: 'smallint' }),
    col.dec('pressure', '气压', 'Pressure', { unit: 'hPa' }),
    col.dec('precipitation', '降水量', 'Precipitation', { unit: 'mm' }),
    col.int('boundary_layer_m', '边界层高度', 'Boundary-layer height', {
      unit: 'm',
      storage: 'smallint',
    }),
  ],
  layout: {
    primary: ['district_code', 'observed_at'],
    indexes: [['observed_at']],
    partitionedBy: 'observed_at',
    timeField: 'observed_at',
  },
})

export const WEATHER_FORECAST = storeDataset(dept('JC-MET', '江城市气象综合业务平台'), {
  code: 'LK-MET-002',
  nameZh: '空气污染气象条件预报',
  nameEn: 'Air-pollution weather-condition forecast',
  description: '未来三天逐日天气现象、最高最低气温、风力与大气扩散条件等级。',
  categoryCode: 'EQ',
  subcategoryCode: 'EQ-AIR',
  storeTable: 'weather_forecasts',
  updateFrequency: 'daily',
  timeCoverageStart: '2018-01-01',
  freeTags: ['天气预报', '扩散条件'],
  fields: [
    col.date('issued_on', '发布日期', 'Issued on', { nullable: false, filterable: true }),
    col.date('forecast_date', '预报日期', 'Forecast date', { nullable: false, filterable: true }),
    col.str('weather', '天气现象', 'Weather', { length: 16 }),
    col.int('tmax', '最高气温', 'Max temperature', { unit: '℃', storage: 'smallint' }),
    col.int('tmin', '最低气温', 'Min temperature', { unit: '℃', storage: 'smallint' }),
    col.int('wind_scale', '风力等级', 'Wind scale', { storage: 'tinyint' }),
    col.int('dispersion_level', '扩散条件等级', 'Dispersion level', {
      storage: 'tinyint',
      filterable: true,
      description: '1 很好 … 5 很差',
    }),
  ],
  layout: { primary: ['issued_on', 'forecast_date'], timeField: 'forecast_date' },
})

export const HYDROLOGY_DAILY = storeDataset(dept('JC-WR', '江城市水文监测系统'), {
  code: 'LK-WR-001',
  nameZh: '主要河湖水文日数据',
  nameEn: 'Daily hydrology of rivers and lakes',
  description: '水文站逐日平均水位、流量，用于水质断面通量与汛期分析。',
  categoryCode: 'EQ',
  subcategoryCode: 'EQ-SW',
  storeTable: 'hydrology_daily',
  format: 'time_series',
  updateFrequency: 'daily',
  timeCoverageStart: '2018-01-01',
  freeTags: ['水文', '水位', '流量'],
  fields: [
    col.str('gauge_code', '水文站编码', 'Gauge code', {
      length: 16,
      nullable: false,
      filterable: true,
    }),
    col.str('water_body', '所在水体', 'Water body', { length: 32, filterable: true }),
    col.date('observed_on', '日期', 'Date', { nullable: false, filterable: true }),
    col.dec('water_level_m', '平均水位', 'Water level', { unit: 'm' }),
    col.dec('flow_m3s', '平均流量', 'Flow', { unit: 'm³/s' }),
  ],
  layout: {
    primary: ['gauge_code', 'observed_on'],
    indexes: [['observed_on']],
    timeField: 'observed_on',
  },
})

export const SPATIAL_PLANNING_ZONES = storeDataset(dept('JC-NR', '国土空间基础信息平台'), {
  code: 'LK-NR-001',
  nameZh: '国土空间规划管控分区',
  nameEn: 'Spatial-planning control zones',
  description: '城镇开发边界、永久基本农田、生态保护红线三条控制线在各区的面积。',
  categoryCode: 'ES',
  subcategoryCode: 'ES-PA',
  storeTable: 'spatial_planning_zones',
  format: 'geo',
  updateFrequency: 'yearly',
  freeTags: ['国土空间规划', '三区三线'],
  fields: [
    col.str('zone_code', '分区编码', 'Zone code', { length: 16, filterable: true }),
    common.district(),
    col.str('zone_type', '管控类型', 'Zone type', { length: 16, filterable: true }),
    col.dec('area_km2', '面积', 'Area', { unit: 'km²' }),
    col.int('plan_year', '规划基期', 'Plan base year'),
  ],
  layout: { indexes: [['district_code']] },
})

export const CONSTRUCTION_SITES = storeDataset(dept('JC-HC', '江城市智慧工地监管平台'), {
  code: 'LK-HC-001',
  nameZh: '在建工地扬尘监管清单',
  nameEn: 'Construction sites under dust control',
  description: '在建工地名称、面积、施工阶段、扬尘在线监测安装情况与起止日期。',
  categoryCode: 'PS',
  subcategoryCode: 'PS-INV',
  storeTable: 'construction_sites',
  updateFrequency: 'monthly',
  freeTags: ['工地', '扬尘'],
  fields: [
    col.str('site_code', '工地编码', 'Site code', { length: 16, filterable: true }),
    col.str('site_name', '项目名称', 'Project', { length: 100 }),
    common.district(),
    col.dec('area_m2', '占地面积', 'Area', { unit: 'm²' }),
    col.str('phase', '施工阶段', 'Phase', { length: 16, filterable: true }),
    col.bool('dust_monitor', '安装扬尘监测', 'Dust monitor installed', { filterable: true }),
    col.date('started_on', '开工日期', 'Started on', { filterable: true }),
    col.date('planned_end_on', '计划竣工', 'Planned completion'),
  ],
  layout: { indexes: [['district_code']], timeField: 'started_on' },
})

export const TRAFFIC_FLOW = storeDataset(dept('JC-TR', '江城市交通运行监测平台'), {
  code: 'LK-TR-001',
  nameZh: '主干道日交通流量',
  nameEn: 'Daily traffic flow on arterial roads',
  description: '各区主干道卡口逐日机动车流量与重型柴油车占比，用于移动源排放分析。',
  categoryCode: 'PS',
  subcategoryCode: 'PS-VEH',
  storeTable: 'traffic_flow_daily',
  format: 'time_series',
  updateFrequency: 'daily',
  timeCoverageStart: '2018-01-01',
  freeTags: ['交通流量', '柴油车'],
  fields: [
    col.str('district_code', '行政区划代码', 'District code', {
      length: 6,
      nullable: false,
      filterable: true,
    }),
    col.date('observed_on', '日期', 'Date', { nullable: false, filterable: true }),
    col.int('vehicles', '机动车流量', 'Vehicles', { unit: '辆' }),
    col.dec('heavy_diesel_share', '重型柴油车占比', 'Heavy diesel share', { unit: '%' }),
  ],
  layout: {
    primary: ['district_code', 'observed_on'],
    indexes: [['observed_on']],
    timeField: 'observed_on',
  },
})

export const AGRICULTURAL_INPUTS = storeDataset(dept('JC-AG', '江城市农业农村统计系统'), {
  code: 'LK-AG-001',
  nameZh: '农业面源投入品使用量',
  nameEn: 'Agricultural inputs (non-point sources)',
  description: '各区逐年化肥、农药施用量与规模化畜禽养殖场数量。',
  categoryCode: 'PS',
  subcategoryCode: 'PS-INV',
  storeTable: 'agricultural_inputs',
  updateFrequency: 'yearly',
  timeCoverageStart: '2018-01-01',
  freeTags: ['面源污染', '化肥', '畜禽养殖'],
  fields: [
    col.str('district_code', '行政区划代码', 'District code', {
      length: 6,
      nullable: false,
      filterable: true,
    }),
    col.int('year', '年份', 'Year', { nullable: false, filterable: true }),
    col.dec('fertilizer_t', '化肥施用量（折纯）', 'Fertiliser', { unit: 't' }),
    col.dec('pesticide_t', '农药使用量', 'Pesticide', { unit: 't' }),
    col.int('livestock_farms', '规模化养殖场', 'Large livestock farms'),
  ],
  layout: { primary: ['district_code', 'year'] },
})

export const INDUSTRIAL_ENERGY = storeDataset(dept('JC-IIT', '江城市工业经济运行监测平台'), {
  code: 'LK-IIT-001',
  nameZh: '重点工业企业能耗',
  nameEn: 'Energy use of key industrial enterprises',
  description: '重点企业逐年煤炭、电力消费量与工业总产值，用于排放清单核算。',
  categoryCode: 'PS',
  subcategoryCode: 'PS-INV',
  storeTable: 'industrial_energy',
  updateFrequency: 'yearly',
  timeCoverageStart: '2018-01-01',
  sharingAttribute: 'conditional',
  legalBasis: '《统计法》第二十五条：单个统计调查对象的资料应予保密，仅用于排放核算',
  grade: 'important',
  freeTags: ['能耗', '排放清单'],
  fields: [
    common.enterpriseCode(),
    col.int('year', '年份', 'Year', { nullable: false, filterable: true }),
    col.dec('coal_t', '煤炭消费量', 'Coal', { unit: 't' }),
    col.dec('electricity_mwh', '用电量', 'Electricity', { unit: 'MWh' }),
    col.dec('output_value', '工业总产值', 'Output value', { unit: '万元', sensitive: true }),
  ],
  layout: { primary: ['enterprise_code', 'year'] },
})

export const RESPIRATORY_VISITS = storeDataset(dept('JC-HEALTH', '江城市全民健康信息平台'), {
  code: 'LK-HEALTH-001',
  nameZh: '呼吸系统疾病门急诊量（区级汇总）',
  nameEn: 'Respiratory outpatient visits (district totals)',
  description:
    '各区二级以上医院呼吸系统疾病日门急诊人次汇总，用于空气污染健康影响评估；不含个人信息。',
  categoryCode: 'EM',
  subcategoryCode: 'EM-RISK',
  storeTable: 'respiratory_visits',
  format: 'time_series',
  updateFrequency: 'daily',
  timeCoverageStart: '2018-01-01',
  sharingAttribute: 'conditional',
  legalBasis: '《基本医疗卫生与健康促进法》第九十二条：健康数据仅限环境健康风险评估使用',
  grade: 'important',
  freeTags: ['健康', '呼吸系统', '环境健康'],
  fields: [
    col.str('district_code', '行政区划代码', 'District code', {
      length: 6,
      nullable: false,
      filterable: true,
    }),
    col.date('observed_on', '日期', 'Date', { nullable: false, filterable: true }),
    col.int('visits', '门急诊人次', 'Visits'),
  ],
  layout: {
    primary: ['district_code', 'observed_on'],
    indexes: [['observed_on']],
    timeField: 'observed_on',
  },
})

export const LINKED_DATASETS: StoreDataset[] = [
  FOREST_COVERAGE,
  WEATHER_HOURLY,
  WEATHER_FORECAST,
  HYDROLOGY_DAILY,
  SPATIAL_PLANNING_ZONES,
  CONSTRUCTION_SITES,
  TRAFFIC_FLOW,
  AGRICULTURAL_INPUTS,
  INDUSTRIAL_ENERGY,
  RESPIRATORY_VISITS,
]
