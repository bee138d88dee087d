import { col, common, storeDataset, type StoreDataset } from '#services/stores/store_definition'

/*
 * Enforcement, emergency, policy and ecology stores (执法监管、应急管理、政策标准、生态状况).
 */
const product = (previewKey: string) => ({
  isOpen: true,
  product: { previewKey },
  controlledTags: ['数据超市'],
})
const enforcement = { providerCode: 'JC-EEB-ENF', sourceSystem: '江城市生态环境执法管理系统' }

export const PENALTIES = storeDataset(enforcement, {
  code: 'EN-PENALTY-001',
  nameZh: '行政处罚决定公开',
  nameEn: 'Administrative-penalty disclosures',
  description:
    '生态环境行政处罚决定书文号、当事人、违法行为、处罚依据、处罚种类与罚款金额（依法公示）。',
  categoryCode: 'EN',
  subcategoryCode: 'EN-PENALTY',
  storeTable: 'penalties',
  updateFrequency: 'daily',
  timeCoverageStart: '2018-01-01',
  freeTags: ['行政处罚', '执法', '信息公开'],
  ...product('penalty_disclosures'),
  fields: [
    col.str('decision_no', '决定书文号', 'Decision number', { length: 32, filterable: true }),
    common.enterpriseCode(),
    common.enterpriseName(),
    common.creditCode(),
    common.district(),
    col.str('violation_type', '违法类型', 'Violation type', { length: 32, filterable: true }),
    col.str('legal_basis', '处罚依据', 'Legal basis', { length: 128 }),
    col.str('penalty_type', '处罚种类', 'Penalty type', { length: 32, filterable: true }),
    col.dec('fine_amount', '罚款金额', 'Fine', { unit: '元', filterable: true }),
    col.date('decided_on', '决定日期', 'Decided on', { filterable: true }),
  ],
  layout: {
    indexes: [['enterprise_code', 'decided_on'], ['district_code', 'decided_on'], ['decided_on']],
    timeField: 'decided_on',
  },
})

export const INSPECTIONS = storeDataset(enforcement, {
  code: 'EN-INSPECT-001',
  nameZh: '双随机一公开抽查结果',
  nameEn: 'Double-random inspection results',
  description: '随机抽取检查对象、随机选派执法检查人员的抽查任务、检查日期与结果。',
  categoryCode: 'EN',
  subcategoryCode: 'EN-INSPECT',
  storeTable: 'inspections',
  updateFrequency: 'monthly',
  timeCoverageStart: '2018-01-01',
  freeTags: ['双随机', '执法检查'],
  fields: [
    col.str('task_no', '抽查任务编号', 'Task number', { length: 24, filterable: true }),
    common.enterpriseCode(),
    common.district(),
    col.date('inspected_on', '检查日期', 'Inspected on', { filterable: true }),
    col.int('inspectors', '检查人员数', 'Inspectors', { storage: 'tinyint' }),
    col.str('result', '检查结果', 'Result', { length: 16, filterable: true }),
    col.str('findings', '发现问题', 'Findings', { length: 128 }),
  ],
  layout: {
    indexes: [
      ['enterprise_code', 'inspected_on'],
      ['district_code', 'inspected_on'],
    ],
    timeField: 'inspected_on',
  },
})

const complaintsSource = { providerCode: 'JC-EEB-EMER', sourceSystem: '12369环保举报联网管理平台' }

export const COMPLAINTS = storeDataset(complaintsSource, {
  code: 'EN-COMPLAINT-001',
  nameZh: '信访投诉办理记录',
  nameEn: 'Complaint case records',
  description: '12369热线、网络、来信来访等渠道的环境投诉受理、办结与满意度；举报人信息已脱敏。',
  categoryCode: 'EN',
  subcategoryCode: 'EN-COMPLAINT',
  storeTable: 'complaints',
  updateFrequency: 'daily',
  timeCoverageStart: '2018-01-01',
  sharingAttribute: 'conditional',
  legalBasis: '《信访工作条例》第十一条：信访人信息应予保密，案件明细仅向承办部门共享',
  grade: 'important',
  freeTags: ['投诉', '12369', '信访'],
  fields: [
    col.str('case_no', '案件编号', 'Case number', { length: 24, filterable: true }),
    col.str('channel', '渠道', 'Channel', { length: 16, filterable: true }),
    col.str('category', '投诉类别', 'Category', { length: 16, filterable: true }),
    common.district(),
    col.time('received_at', '受理时间', 'Received at', { filterable: true }),
    col.time('closed_at', '办结时间', 'Closed at'),
    col.str('status', '办理状态', 'Status', { length: 16, filterable: true }),
    col.bool('substantiated', '情况属实', 'Substantiated', { filterable: true }),
    col.bool('satisfied', '满意', 'Satisfied'),
    col.str('complainant_phone', '举报人电话（脱敏）', 'Complainant phone (masked)', {
      length: 16,
      sensitive: true,
    }),
  ],
  layout: {
    indexes: [['district_code', 'received_at'], ['received_at']],
    timeField: 'received_at',
  },
})

export const COMPLAINT_STATISTICS = storeDataset(complaintsSource, {
  code: 'EN-COMPLAINT-002',
  nameZh: '信访投诉办理统计',
  nameEn: 'Complaint handling statistics',
  description: '按月、区、投诉类别统计的受理量、办结量、按期办结率与满意率。',
  categoryCode: 'EN',
  subcategoryCode: 'EN-COMPLAINT',
  storeTable: 'complaint_statistics',
  updateFrequency: 'monthly',
  timeCoverageStart: '2018-01-01',
  freeTags: ['投诉', '统计', '12369'],
  ...product('complaint_statistics'),
  fields: [
    col.date('month', '月份', 'Month', { nullable: false, filterable: true }),
    col.str('district_code', '行政区划代码', 'District code', {
      length: 6,
      nullable: false,
      filterable: true,
    }),
    col.str('category', '投诉类别', 'Category', { length: 16, nullable: false, filterable: true }),
    col.int('received', '受理量', 'Received', { filterable: true }),
    col.int('closed', '办结量', 'Closed'),
    col.dec('on_time_rate', '按期办结率', 'On-time rate', { unit: '%' }),
    col.dec('satisfaction_rate', '满意率', 'Satisfaction rate', { unit: '%' }),
  ],
  layout: {
    primary: ['month', 'district_code', 'category'],
    indexes: [['district_code', 'month']],
    timeField: 'month',
  },
})

export const EIA_APPROVALS = storeDataset(
  { providerCode: 'JC-EEB', sourceSystem: '江城市建设项目环评审批系统' },
  {
    code: 'EN-EIA-001',
    nameZh: '建设项目环境影响评价审批',
    nameEn: 'EIA approvals',
    description:
      '建设项目环评文件类型（报告书/报告表）、建设单位、行业、总投资、审批文号与审批结论。',
    categoryCode: 'EN',
    subcategoryCode: 'EN-EIA',
    storeTable: 'eia_approvals',
    updateFrequency: 'daily',
    timeCoverageStart: '2018-01-01',
    freeTags: ['环评', '审批', '建设项目'],
    ...product('eia_approvals'),
    fields: [
      col.str('approval_no', '审批文号', 'Approval number', { length: 32, filterable: true }),
      col.str('project_name', '项目名称', 'Project', { length: 128 }),
      col.str('developer', '建设单位', 'Developer', { length: 100 }),
      common.industry(),
      common.district(),
      col.str('document_type', '环评文件类型', 'Document type', { length: 8, filterable: true }),
      col.dec('investment', '总投资', 'Investment', { unit: '万元', filterable: true }),
      col.date('approved_on', '审批日期', 'Approved on', { filterable: true }),
      col.str('decision', '审批结论', 'Decision', { length: 16, filterable: true }),
    ],
    layout: {
      indexes: [['district_code', 'approved_on'], ['approved_on']],
      timeField: 'approved_on',
    },
  }
)

export const INCIDENTS = storeDataset(
  { providerCode: 'JC-EEB-EMER', sourceSystem: '江城市环境应急管理平台' },
  {
    code: 'EM-INCIDENT-001',
    nameZh: '突发环境事件信息',
    nameEn: 'Environmental incidents',
    description:
      '突发环境事件的发生时间、区域、类型、分级（一般/较大/重大/特别重大）、影响要素与处置状态。',
    categoryCode: 'EM',
    subcategoryCode: 'EM-INCIDENT',
    storeTable: 'incidents',
    updateFrequency: 'irregular',
    timeCoverageStart: '2018-01-01',
    freeTags: ['突发环境事件', '应急'],
    ...product('environmental_incidents'),
    fields: [
      col.str('incident_no', '事件编号', 'Incident number', { length: 24, filterable: true }),
      col.time('occurred_at', '发生时间', 'Occurred at', { filterable: true }),
      common.district(),
      col.str('incident_type', '事件类型', 'Type', { length: 16, filterable: true }),
      col.str('severity', '事件分级', 'Severity', { length: 8, filterable: true }),
      col.str('medium', '影响要素', 'Affected medium', { length: 8, filterable: true }),
      col.str('summary', '概况', 'Summary', { length: 256 }),
      col.str('status', '处置状态', 'Status', { length: 8, filterable: true }),
      col.time('closed_at', '结束时间', 'Closed at'),
    ],
    layout: {
      indexes: [['district_code', 'occurred_at'], ['occurred_at']],
      timeField: 'occurred_at',
    },
  }
)

export const EMISSION_STANDARDS = storeDataset(
  { providerCode: 'JC-EEB-LAW', sourceSystem: '生态环境标准库', updateFrequency: 'irregular' },
  {
    code: 'PO-EMISSION-001',
    nameZh: '污染物排放标准限值',
    nameEn: 'Emission standards list',
    description: '国家和地方污染物排放标准的编号、名称、适用行业、污染物、排放限值与实施日期。',
    categoryCode: 'PO',
    subcategoryCode: 'PO-EMISSION',
    storeTable: 'emission_standards',
    freeTags: ['排放标准', '限值'],
    ...product('emission_standards'),
    fields: [
      col.str('standard_code', '标准编号', 'Standard', { length: 32, filterable: true }),
      col.str('standard_name', '标准名称', 'Standard name', { length: 128 }),
      common.industry(),
      col.str('medium', '介质', 'Medium', {
        length: 8,
        filterable: true,
        description: 'water/air',
      }),
      col.str('factor_code', '污染物编码', 'Factor code', { length: 8, filterable: true }),
      col.str('pollutant', '污染物', 'Pollutant', { length: 32 }),
      col.dec('limit_value', '排放限值', 'Limit', { filterable: true }),
      col.str('unit', '单位', 'Unit', { length: 12 }),
      col.date('effective_from', '实施日期', 'Effective from', { filterable: true }),
      col.str('status', '状态', 'Status', { length: 8, filterable: true }),
    ],
    layout: { indexes: [['standard_code'], ['factor_code']] },
  }
)

const ecology = {
  providerCode: 'JC-EEB-ECO',
  sourceSystem: '江城市自然生态监管平台',
  updateFrequency: 'yearly' as const,
}

export const ECO_REDLINE_AREAS = storeDataset(ecology, {
  code: 'ES-PA-001',
  nameZh: '生态保护红线区域',
  nameEn: 'Ecological red-line areas',
  description: '生态保护红线斑块的编码、名称、主导生态功能、面积与所在区。',
  categoryCode: 'ES',
  subcategoryCode: 'ES-PA',
  storeTable: 'eco_redline_areas',
  format: 'geo',
  freeTags: ['生态保护红线', '自然保护地'],
  ...product('eco_redline_areas'),
  fields: [
    col.str('area_code', '红线编码', 'Area code', { length: 16, filterable: true }),
    col.str('area_name', '名称', 'Name', { length: 64 }),
    common.district(),
    col.str('function_type', '主导生态功能', 'Dominant function', { length: 16, filterable: true }),
    col.dec('area_km2', '面积', 'Area', { unit: 'km²', filterable: true }),
    col.date('designated_on', '划定日期', 'Designated on'),
    common.lon(),
    common.lat(),
  ],
  layout: { indexes: [['district_code']] },
})

export const WETLANDS = storeDataset(ecology, {
  code: 'ES-WETLAND-001',
  nameZh: '湿地面积与保护等级',
  nameEn: 'Wetland area',
  description: '各湿地斑块的类型、保护等级与逐年面积。',
  categoryCode: 'ES',
  subcategoryCode: 'ES-WETLAND',
  storeTable: 'wetlands',
  timeCoverageStart: '2018-01-01',
  freeTags: ['湿地', '湖泊'],
  ...product('wetland_area'),
  fields: [
    col.str('wetland_code', '湿地编码', 'Wetland code', { length: 16, filterable: true }),
    col.str('wetland_name', '湿地名称', 'Wetland', { length: 64 }),
    common.district(),
    col.str('wetland_type', '湿地类型', 'Type', { length: 16, filterable: true }),
    col.str('protection_level', '保护等级', 'Protection level', { length: 16, filterable: true }),
    col.int('year', '年份', 'Year', { filterable: true }),
    col.dec('area_ha', '面积', 'Area', { unit: 'ha', filterable: true }),
  ],
  layout: {
    indexes: [
      ['wetland_code', 'year'],
      ['district_code', 'year'],
    ],
  },
})

export const GOVERNANCE_DATASETS: StoreDataset[] = [
  PENALTIES,
  INSPECTIONS,
  COMPLAINTS,
  COMPLAINT_STATISTICS,
  EIA_APPROVALS,
  INCIDENTS,
  EMISSION_STANDARDS,
  ECO_REDLINE_AREAS,
  WETLANDS,
]
