import type { GeneratorContext } from '#database/generator/context'
import { DISTRICT_MODELS, INDUSTRIES, type Enterprise } from '#database/generator/city_model'
import { maskPhone } from '#services/personal_data'
import {
  cstDate,
  cstMidnight,
  days,
  DAY_MS,
  HOUR_MS,
  monthStarts,
  sqlDateTime,
} from '#database/generator/time'

/*
 * Enforcement and emergency records: penalties, double-random inspections, complaints with
 * their monthly statistics, EIA approvals and incidents. Volumes follow a city of this
 * size (a few hundred penalties and a few thousand complaints a year).
 */
const VIOLATIONS: [string, string, string, number][] = [
  ['超标排放', '《中华人民共和国水污染防治法》第八十三条', '罚款', 60],
  ['未按证排污', '《排污许可管理条例》第三十四条', '罚款', 30],
  ['自动监测数据弄虚作假', '《中华人民共和国大气污染防治法》第九十九条', '罚款、责令停产整治', 8],
  ['未批先建', '《中华人民共和国环境影响评价法》第三十一条', '罚款、责令停止建设', 15],
  ['危险废物贮存不规范', '《中华人民共和国固体废物污染环境防治法》第一百一十二条', '罚款', 20],
  ['扬尘污染防治措施不到位', '《中华人民共和国大气污染防治法》第一百一十五条', '罚款', 25],
  ['未正常运行污染防治设施', '《中华人民共和国大气污染防治法》第九十九条', '罚款', 25],
]
const COMPLAINT_CATEGORIES: [string, number][] = [
  ['大气', 38],
  ['噪声', 34],
  ['水', 12],
  ['固废', 8],
  ['辐射', 2],
  ['其他', 6],
]
const CHANNELS: [string, number][] = [
  ['12369热线', 45],
  ['网络举报', 35],
  ['微信', 12],
  ['来信来访', 8],
]

function dateIn(ctx: GeneratorContext, rng: { next(): number }): number {
  return ctx.start + Math.floor(rng.next() * ((ctx.end - ctx.start) / DAY_MS)) * DAY_MS
}

export async function generatePenaltiesAndInspections(
  ctx: GeneratorContext,
  enterprises: Enterprise[]
) {
  const rng = ctx.rng('penalties')
  const years = (ctx.end - ctx.start) / (365 * DAY_MS)
  const penalties = Math.round(260 * years)
  const offenders = enterprises.filter((e) => e.compliance < 0.99)
  const decided = Array.from({ length: penalties }, () => dateIn(ctx, rng)).sort((a, b) => a - b)
  for (const [i, t] of decided.entries()) {
    const e = rng.chance(0.7) ? rng.pick(offenders) : rng.pick(enterprises)
    const [violation, basis, type] = rng.weighted(VIOLATIONS.map((v) => [v, v[3]] as const))
    const date = cstDate(t)
    await ctx.sink.write('penalties', {
      decision_no: `江环罚〔${date.slice(0, 4)}〕${String(i + 1).padStart(4, '0')}号`,
      enterprise_code: e.code,
      enterprise_name: e.name,
      credit_code: e.creditCode,
      district_code: e.district.code,
      violation_type: violation,
      legal_basis: basis,
      penalty_type: type,
      fine_amount: Math.round(rng.logNormal(120_000, 0.8) / 1000) * 1000,
      decided_on: date,
      // Decisions are disclosed within 7 working days (≈ 10 days); fresher ones are still internal.
      ...(t < ctx.end - 10 * DAY_MS ? ctx.open : ctx.labels('internal', 'unconditional')),
    })
  }
  const inspectRng = ctx.rng('inspections')
  for (const month of monthStarts(ctx.start, ctx.end)) {
    // 双随机: each month about 5 % of units are drawn at random.
    for (let n = 0; n < 25; n++) {
      const e = inspectRng.pick(enterprises)
      const problem = inspectRng.chance(1 - e.compliance * 0.85)
      await ctx.sink.write('inspections', {
        task_no: `SSJ${month.slice(0, 7).replace('-', '')}${String(n + 1).padStart(3, '0')}`,
        enterprise_code: e.code,
        district_code: e.district.code,
        inspected_on: `${month.slice(0, 8)}${String(inspectRng.int(1, 28)).padStart(2, '0')}`,
        inspectors: inspectRng.int(2, 4),
        result: problem ? '发现问题' : '未发现问题',
        findings: problem
          ? inspectRng.pick([
              '台账记录不全',
              '在线监测设备未按规范运维',
              '危废标识不规范',
              '废气收集效率不足',
            ])
          : null,
        ...ctx.open,
      })
    }
  }
}

export async function generateComplaints(ctx: GeneratorContext) {
  const rng = ctx.rng('complaints')
  const stats = new Map<
    string,
    { received: number; closed: number; onTime: number; satisfied: number; rated: number }
  >()
  let serial = 0
  for (const date of days(ctx.start, ctx.end)) {
    const t = cstMidnight(date)
    const summer = new Date(t).getUTCMonth() >= 5 && new Date(t).getUTCMonth() <= 8
    const count = rng.int(4, summer ? 16 : 11)
    for (let n = 0; n < count; n++) {
      const district =
        DISTRICT_MODELS[rng.weighted(DISTRICT_MODELS.map((d) => [d.index, 1 + d.no2] as const))]
      const category = rng.weighted(COMPLAINT_CATEGORIES)
      const received = t + rng.int(7, 22) * HOUR_MS + rng.int(0, 59) * 60_000
      const daysToClose = rng.logNormal(6, 0.6)
      const closed = received + daysToClose * DAY_MS
      const isClosed = closed < ctx.end
      const satisfied = isClosed && rng.chance(0.92)
      serial++
      await ctx.sink.write('complaints', {
        case_no: `12369-${date.replaceAll('-', '')}-${String(serial).padStart(6, '0')}`,
        channel: rng.weighted(CHANNELS),
        category,
        district_code: district.code,
        received_at: sqlDateTime(received),
        closed_at: isClosed ? sqlDateTime(closed) : null,
        status: isClosed ? '已办结' : '办理中',
        substantiated: rng.chance(0.45) ? 1 : 0,
        satisfied: isClosed ? (satisfied ? 1 : 0) : null,
        complainant_phone: maskPhone(
          `1${rng.int(30, 99)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`
        ),
        ...ctx.labels('sensitive', 'conditional'),
      })
      const key = `${date.slice(0, 7)}-01|${district.code}|${category}`
      const s = stats.get(key) ?? { received: 0, closed: 0, onTime: 0, satisfied: 0, rated: 0 }
      s.received++
      if (isClosed) {
        s.closed++
        s.rated++
        if (daysToClose <= 15) s.onTime++
        if (satisfied) s.satisfied++
      }
      stats.set(key, s)
    }
  }
  for (const [key, s] of [...stats.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const [month, district, category] = key.split('|')
    await ctx.sink.write('complaint_statistics', {
      month,
      district_code: district,
      category,
      received: s.received,
      closed: s.closed,
      on_time_rate: s.closed ? Math.round((1000 * s.onTime) / s.closed) / 10 : null,
      satisfaction_rate: s.rated ? Math.round((1000 * s.satisfied) / s.rated) / 10 : null,
      ...ctx.open,
    })
  }
}

export async function generateEiaAndIncidents(ctx: GeneratorContext) {
  const rng = ctx.rng('eia')
  const years = (ctx.end - ctx.start) / (365 * DAY_MS)
  const approvals = Array.from({ length: Math.round(180 * years) }, () => dateIn(ctx, rng)).sort(
    (a, b) => a - b
  )
  for (const [i, t] of approvals.entries()) {
    const industry = rng.pick(INDUSTRIES)
    const district = rng.pick(DISTRICT_MODELS)
    const date = cstDate(t)
    const report = rng.chance(0.25)
    await ctx.sink.write('eia_approvals', {
      approval_no: `江环审〔${date.slice(0, 4)}〕${String(i + 1).padStart(3, '0')}号`,
      project_name: `${district.name.slice(0, -1)}${rng.pick(industry.words)}${rng.pick(['扩建项目', '技术改造项目', '新建项目', '搬迁改造项目'])}`,
      developer: `江城${rng.pick(['华', '荣', '鑫', '恒', '楚'])}${rng.pick(industry.words)}有限公司`,
      industry: industry.name,
      district_code: district.code,
      document_type: report ? '报告书' : '报告表',
      investment: Math.round(rng.logNormal(report ? 50_000 : 3_000, 0.9)),
      approved_on: date,
      decision: rng.chance(0.94) ? '批准' : '不予批准',
      ...ctx.open,
    })
  }
  const incidentRng = ctx.rng('incidents')
  const incidents = Array.from({ length: Math.max(2, Math.round(9 * years)) }, () =>
    dateIn(ctx, incidentRng)
  ).sort((a, b) => a - b)
  for (const [i, t] of incidents.entries()) {
    const [type, medium] = incidentRng.pick([
      ['危化品运输泄漏', '水'],
      ['企业火灾次生污染', '大气'],
      ['管道破裂', '水'],
      ['非法倾倒危废', '土壤'],
      ['鱼类死亡', '水'],
    ] as const)
    const occurred = t + incidentRng.int(0, 23) * HOUR_MS
    const closed = occurred + incidentRng.int(1, 10) * DAY_MS
    const severity = incidentRng.weighted([
      ['一般', 90],
      ['较大', 9],
      ['重大', 1],
    ])
    await ctx.sink.write('incidents', {
      incident_no: `TF${cstDate(t).slice(0, 4)}${String(i + 1).padStart(3, '0')}`,
      occurred_at: sqlDateTime(occurred),
      district_code: incidentRng.pick(DISTRICT_MODELS).code,
      incident_type: type,
      severity,
      medium,
      summary: `${type}，已启动应急响应，开展${medium}环境应急监测，未造成饮用水水源污染。`,
      status: closed < ctx.end ? '已结束' : '处置中',
      closed_at: closed < ctx.end ? sqlDateTime(closed) : null,
      // Major incidents stay internal while the investigation runs (调查处理中).
      ...(severity === '一般' || closed < ctx.end - 30 * DAY_MS
        ? ctx.open
        : ctx.labels('internal', 'unconditional')),
    })
  }
}
