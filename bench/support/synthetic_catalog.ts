import db from '@adonisjs/lucid/services/db'
import { touchCatalog } from '#services/catalog/catalog_revision'
import { CONTROLLED_TAGS } from '#database/data/taxonomy'
import { DISTRICTS } from '#database/data/city'

/*
 * N plausible datasets for the search benchmark, written in bulk (the admin write path with
 * its revisions and audit events is not what is measured). Deterministic for a seed.
 * Names combine district × subcategory × product × year, descriptions come from templates, each
 * dataset has 6–14 fields from its category's pool and 2–5 tags; ~35 % are open.
 */
const PRODUCTS: [zh: string, en: string][] = [
  ['监测数据', 'monitoring data'],
  ['统计年报', 'annual statistics'],
  ['月报', 'monthly report'],
  ['台账', 'register'],
  ['名录', 'directory'],
  ['评价结果', 'assessment results'],
  ['专题图层', 'thematic layer'],
  ['核查记录', 'verification records'],
  ['预警信息', 'early warnings'],
  ['分析报告', 'analysis report'],
]

const FIELD_POOLS: Record<string, [name: string, zh: string, en: string][]> = {
  EQ: [
    ['station_code', '站点编码', 'Station code'],
    ['section_code', '断面编码', 'Section code'],
    ['monitor_time', '监测时间', 'Monitoring time'],
    ['pm25', 'PM2.5浓度', 'PM2.5'],
    ['pm10', 'PM10浓度', 'PM10'],
    ['so2', '二氧化硫', 'Sulphur dioxide'],
    ['no2', '二氧化氮', 'Nitrogen dioxide'],
    ['o3_8h', '臭氧8小时', 'Ozone 8 h'],
    ['cod', '化学需氧量', 'Chemical oxygen demand'],
    ['nh3n', '氨氮', 'Ammonia nitrogen'],
    ['water_class', '水质类别', 'Water class'],
    ['leq_day', '昼间等效声级', 'Day Leq'],
    ['dose_rate', '剂量率', 'Dose rate'],
    ['ph', 'pH值', 'pH'],
  ],
  PS: [
    ['enterprise_code', '企业编码', 'Enterprise code'],
    ['credit_code', '统一社会信用代码', 'Credit code'],
    ['outlet_code', '排放口编码', 'Outlet code'],
    ['permit_no', '排污许可证编号', 'Permit number'],
    ['pollutant', '污染物', 'Pollutant'],
    ['emission', '排放量', 'Emission'],
    ['limit_value', '排放限值', 'Limit'],
    ['data_flag', '数据标记', 'Data flag'],
    ['waste_code', '危废代码', 'Waste code'],
    ['vehicle_type', '车辆类型', 'Vehicle type'],
  ],
  ES: [
    ['area_ha', '面积', 'Area'],
    ['coverage_pct', '覆盖率', 'Coverage'],
    ['species', '物种', 'Species'],
    ['reserve_name', '保护地名称', 'Reserve name'],
    ['project_name', '项目名称', 'Project name'],
    ['survey_year', '调查年份', 'Survey year'],
    ['ndvi', '植被指数', 'Vegetation index'],
    ['wetland_type', '湿地类型', 'Wetland type'],
  ],
  EN: [
    ['case_no', '案件编号', 'Case number'],
    ['decision_date', '决定日期', 'Decision date'],
    ['penalty_amount', '罚款金额', 'Penalty amount'],
    ['violation', '违法行为', 'Violation'],
    ['inspector', '检查人员', 'Inspector'],
    ['complaint_type', '投诉类型', 'Complaint type'],
    ['approval_no', '批复文号', 'Approval number'],
    ['result', '处理结果', 'Result'],
  ],
  EM: [
    ['event_no', '事件编号', 'Event number'],
    ['event_level', '事件等级', 'Event level'],
    ['risk_level', '风险等级', 'Risk level'],
    ['plan_name', '预案名称', 'Plan name'],
    ['material', '物资名称', 'Material'],
    ['quantity', '数量', 'Quantity'],
    ['location', '位置', 'Location'],
    ['response_time', '响应时间', 'Response time'],
  ],
  PO: [
    ['standard_no', '标准编号', 'Standard number'],
    ['title', '标题', 'Title'],
    ['issued_on', '发布日期', 'Issued on'],
    ['effective_on', '实施日期', 'Effective on'],
    ['issuer', '发布机关', 'Issuer'],
    ['scope', '适用范围', 'Scope'],
  ],
}

const FREE_TAGS = [
  '年报',
  '实时',
  '网格化',
  '国控',
  '省控',
  '重点区域',
  '长江大保护',
  '蓝天保卫战',
  '碧水保卫战',
  '净土保卫战',
  '双碳',
  '河长制',
  '夜间',
  '汛期',
]
// SQLite caps a compound SELECT (knex's multi-row insert) at 500 terms.
const CHUNK = 400
const FREQUENCIES = ['realtime', 'hourly', 'daily', 'monthly', 'quarterly', 'yearly', 'irregular']

function mulberry32(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export async function writeSyntheticCatalog(count: number, seed = 20260101): Promise<void> {
  const random = mulberry32(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  const subcategories = await db
    .from('catalog_subcategories as s')
    .join('catalog_categories as c', 'c.id', 's.category_id')
    .select('s.id', 's.category_id', 's.name_zh', 's.name_en', 'c.code as category_code')
  const providers = await db
    .from('organisations')
    .whereIn('type', ['division', 'district_bureau', 'city_department'])
    .select('id')
  const now = new Date()

  for (let start = 0; start < count; start += CHUNK) {
    const rows: Record<string, unknown>[] = []
    const specs: { code: string; category: string }[] = []
    for (let i = start; i < Math.min(count, start + CHUNK); i++) {
      const sub = pick(subcategories)
      const [districtZh, districtCode] =
        random() < 0.25 ? ['全市', '420100'] : (([, name, code]) => [name, code])(pick(DISTRICTS))
      const [productZh, productEn] = pick(PRODUCTS)
      const year = 2018 + Math.floor(random() * 9)
      const grade = random() < 0.1 ? 'core' : random() < 0.3 ? 'important' : 'general'
      const sharing =
        grade === 'core' ? 'not_shared' : random() < 0.3 ? 'conditional' : 'unconditional'
      const isOpen = grade === 'general' && sharing === 'unconditional' && random() < 0.6
      const frequency = pick(FREQUENCIES)
      const code = `SYN-${sub.category_code}-${String(i + 1).padStart(5, '0')}`
      rows.push({
        code,
        name_zh: `${districtZh}${sub.name_zh}${productZh}（${year}）${i + 1}`,
        name_en: `${sub.name_en} ${productEn} ${year} #${i + 1}`,
        description: `${districtZh}${year}年以来${sub.name_zh}${productZh}，${frequency === 'hourly' ? '逐小时' : frequency === 'daily' ? '逐日' : '定期'}更新，包括${sub.name_zh}相关指标、空间位置与质量标记。Covers ${sub.name_en.toLowerCase()} ${productEn} since ${year}.`,
        category_id: sub.category_id,
        subcategory_id: sub.id,
        provider_organisation_id: pick(providers).id,
        source_system: `${sub.name_zh}业务系统`,
        format: random() < 0.3 ? 'time_series' : random() < 0.1 ? 'geo' : 'table',
        update_frequency: frequency,
        time_coverage_start: `${year}-01-01`,
        time_coverage_end: null,
        spatial_coverage: JSON.stringify([districtCode]),
        sharing_attribute: sharing,
        legal_basis: sharing === 'unconditional' ? null : '《政务数据共享条例》',
        grade,
        secrecy_label: null,
        is_open: isOpen,
        delivery_modes: JSON.stringify(['api', 'file']),
        contact_name: '数据管理中心',
        contact_phone_encrypted: null,
        contact_email: null,
        status: random() < 0.03 ? 'draft' : 'published',
        version: 1,
        created_at: now,
        updated_at: new Date(now.getTime() - Math.floor(random() * 3e10)),
      })
      specs.push({ code, category: sub.category_code as string })
    }
    await db.table('datasets').multiInsert(rows)
    const inserted = await db
      .from('datasets')
      .whereIn(
        'code',
        specs.map((spec) => spec.code)
      )
      .select('id', 'code')
    const ids = new Map(inserted.map((row: any) => [row.code, row.id]))

    const fields: Record<string, unknown>[] = []
    const tags: Record<string, unknown>[] = []
    for (const spec of specs) {
      const datasetId = ids.get(spec.code)
      const pool = FIELD_POOLS[spec.category]
      const size = Math.min(pool.length, 6 + Math.floor(random() * 9))
      const chosen = [...pool].sort(() => random() - 0.5).slice(0, size)
      chosen.forEach(([name, zh, en], position) => {
        fields.push({
          dataset_id: datasetId,
          position,
          name,
          label_zh: zh,
          label_en: en,
          type: 'string',
          unit: null,
          description: null,
          is_sensitive: false,
          is_filterable: position < 2,
        })
      })
      const controlled = new Set([pick(CONTROLLED_TAGS).code, pick(CONTROLLED_TAGS).code])
      for (const tag of controlled) tags.push({ dataset_id: datasetId, kind: 'controlled', tag })
      const free = new Set(
        Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(FREE_TAGS))
      )
      for (const tag of free) tags.push({ dataset_id: datasetId, kind: 'free', tag })
    }
    for (let i = 0; i < fields.length; i += CHUNK)
      await db.table('dataset_fields').multiInsert(fields.slice(i, i + CHUNK))
    for (let i = 0; i < tags.length; i += CHUNK)
      await db.table('dataset_tags').multiInsert(tags.slice(i, i + CHUNK))
  }
  await touchCatalog()
}
