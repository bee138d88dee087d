/*
 * The catalog taxonomy of DOMAIN.md §2: 6 categories, 30 subcategories. Codes are stable
 * identifiers used by dataset definitions (`categoryCode`, `subcategoryCode`); names are
 * editable by the catalog admin afterwards, codes are not.
 */
export interface TaxonomyEntry {
  code: string
  nameZh: string
  nameEn: string
}

export interface CategoryEntry extends TaxonomyEntry {
  subcategories: TaxonomyEntry[]
}

export const TAXONOMY: CategoryEntry[] = [
  {
    code: 'EQ',
    nameZh: '环境质量',
    nameEn: 'Environmental quality',
    subcategories: [
      { code: 'EQ-AIR', nameZh: '环境空气', nameEn: 'Ambient air' },
      { code: 'EQ-SW', nameZh: '地表水', nameEn: 'Surface water' },
      { code: 'EQ-DW', nameZh: '饮用水水源地', nameEn: 'Drinking-water sources' },
      { code: 'EQ-GW', nameZh: '地下水', nameEn: 'Groundwater' },
      { code: 'EQ-SOIL', nameZh: '土壤', nameEn: 'Soil' },
      { code: 'EQ-NOISE', nameZh: '声环境', nameEn: 'Noise' },
      { code: 'EQ-RAD', nameZh: '辐射环境', nameEn: 'Radiation' },
    ],
  },
  {
    code: 'PS',
    nameZh: '污染源',
    nameEn: 'Pollution sources',
    subcategories: [
      { code: 'PS-PERMIT', nameZh: '排污许可', nameEn: 'Discharge permits' },
      { code: 'PS-ONLINE', nameZh: '在线监测', nameEn: 'Online monitoring (HJ 212)' },
      { code: 'PS-SELF', nameZh: '自行监测', nameEn: 'Self-monitoring' },
      { code: 'PS-INV', nameZh: '排放清单', nameEn: 'Emission inventory' },
      { code: 'PS-WASTE', nameZh: '固体废物与危险废物', nameEn: 'Solid and hazardous waste' },
      { code: 'PS-VEH', nameZh: '机动车排放', nameEn: 'Vehicle emissions' },
    ],
  },
  {
    code: 'ES',
    nameZh: '生态状况',
    nameEn: 'Ecological status',
    subcategories: [
      { code: 'ES-FOREST', nameZh: '森林覆盖', nameEn: 'Forest cover' },
      { code: 'ES-WETLAND', nameZh: '湿地', nameEn: 'Wetlands' },
      { code: 'ES-BIODIV', nameZh: '生物多样性', nameEn: 'Biodiversity' },
      { code: 'ES-PA', nameZh: '自然保护地', nameEn: 'Protected areas' },
      { code: 'ES-RESTORE', nameZh: '生态修复', nameEn: 'Restoration projects' },
    ],
  },
  {
    code: 'EN',
    nameZh: '执法监管',
    nameEn: 'Enforcement',
    subcategories: [
      { code: 'EN-PENALTY', nameZh: '行政处罚', nameEn: 'Administrative penalties' },
      { code: 'EN-INSPECT', nameZh: '双随机抽查', nameEn: 'Double-random inspections' },
      { code: 'EN-COMPLAINT', nameZh: '信访投诉', nameEn: 'Complaints' },
      { code: 'EN-EIA', nameZh: '环评审批', nameEn: 'EIA approvals' },
    ],
  },
  {
    code: 'EM',
    nameZh: '应急管理',
    nameEn: 'Emergency management',
    subcategories: [
      { code: 'EM-INCIDENT', nameZh: '突发环境事件', nameEn: 'Environmental incidents' },
      { code: 'EM-PLAN', nameZh: '应急预案', nameEn: 'Emergency plans' },
      { code: 'EM-RISK', nameZh: '环境风险源', nameEn: 'Risk sources' },
      { code: 'EM-SUPPLY', nameZh: '应急物资', nameEn: 'Emergency supplies' },
    ],
  },
  {
    code: 'PO',
    nameZh: '政策标准',
    nameEn: 'Policy and standards',
    subcategories: [
      { code: 'PO-EMISSION', nameZh: '排放标准', nameEn: 'Emission standards' },
      { code: 'PO-QUALITY', nameZh: '质量标准', nameEn: 'Quality standards' },
      { code: 'PO-TECH', nameZh: '技术规范', nameEn: 'Technical specifications' },
      { code: 'PO-REG', nameZh: '法规政策', nameEn: 'Regulations and policies' },
    ],
  },
]

/*
 * Controlled vocabulary (受控标签): the environmental media and cross-cutting themes a
 * dataset can be tagged with. Definitions may name a term by its code or by its Chinese or
 * English name ('跨部门' is stored as 'cross-department'). Free tags are anything else.
 */
export const CONTROLLED_TAGS: TaxonomyEntry[] = [
  { code: 'air', nameZh: '大气', nameEn: 'Air' },
  { code: 'water', nameZh: '水', nameEn: 'Water' },
  { code: 'soil', nameZh: '土壤', nameEn: 'Soil' },
  { code: 'noise', nameZh: '噪声', nameEn: 'Noise' },
  { code: 'radiation', nameZh: '辐射', nameEn: 'Radiation' },
  { code: 'ecology', nameZh: '生态', nameEn: 'Ecology' },
  { code: 'climate', nameZh: '气候', nameEn: 'Climate' },
  { code: 'waste', nameZh: '固体废物', nameEn: 'Waste' },
  { code: 'enterprise', nameZh: '企业', nameEn: 'Enterprises' },
  { code: 'monitoring', nameZh: '监测', nameEn: 'Monitoring' },
  { code: 'enforcement', nameZh: '执法', nameEn: 'Enforcement' },
  { code: 'emergency', nameZh: '应急', nameEn: 'Emergency' },
  { code: 'standard', nameZh: '标准', nameEn: 'Standards' },
  { code: 'public-service', nameZh: '公共服务', nameEn: 'Public service' },
  { code: 'data-supermarket', nameZh: '数据超市', nameEn: 'Data supermarket' },
  { code: 'cross-department', nameZh: '跨部门', nameEn: 'Cross-department' },
  { code: 'time-series', nameZh: '时间序列', nameEn: 'Time series' },
  { code: 'spatial', nameZh: '空间数据', nameEn: 'Spatial data' },
]
