import { DISTRICTS, ENTERPRISES as SEEDED_ENTERPRISES } from '#database/data/city'
import { creditCodeCheckChar } from '#services/credit_code'
import type { Rng } from '#database/generator/random'
import type { TargetClass, WaterBody } from '#services/standards/water_quality'

/*
 * The objects of 江城市 that time series refer to: districts with a pollution profile,
 * air stations, water sections, 500 key enterprises and their outlets. Built from the seed
 * alone, before any row is written.
 */
export interface District {
  index: number
  orgCode: string
  name: string
  code: string
  lon: number
  lat: number
  /** Multipliers on the city's background: particulates, traffic NO2, industrial SO2. */
  pm: number
  no2: number
  so2: number
}

// [lon, lat, pm, no2, so2]: core districts carry traffic, 青山 (steel, petrochemicals) industry.
const PROFILES: [number, number, number, number, number][] = [
  [114.31, 30.6, 1.0, 1.15, 0.9],
  [114.27, 30.6, 1.02, 1.25, 0.85],
  [114.22, 30.58, 1.05, 1.15, 1.0],
  [114.22, 30.55, 1.04, 1.05, 1.05],
  [114.32, 30.55, 0.98, 1.15, 0.85],
  [114.39, 30.63, 1.18, 1.0, 1.6],
  [114.4, 30.5, 0.97, 0.95, 0.9],
  [114.14, 30.62, 1.03, 0.9, 1.1],
  [114.03, 30.58, 0.95, 0.75, 0.9],
  [114.32, 30.38, 0.92, 0.75, 0.85],
  [114.38, 30.87, 0.9, 0.65, 0.8],
  [114.8, 30.84, 0.93, 0.6, 0.9],
]

export const DISTRICT_MODELS: District[] = DISTRICTS.map(([orgCode, name, code], index) => {
  const [lon, lat, pm, no2, so2] = PROFILES[index]
  return { index, orgCode, name, code, lon, lat, pm, no2, so2 }
})

export const CITY_AREA = { code: '420100', name: '全市' }

export interface Station {
  code: string
  name: string
  type: string
  district: District
  lon: number
  lat: number
}

const STATION_PLACES = ['中心', '公园', '新城', '工业园', '学校', '湖畔']

export function buildStations(rng: Rng): Station[] {
  const stations: Station[] = []
  for (const district of DISTRICT_MODELS) {
    for (let i = 0; i < 4; i++) {
      const n = stations.length
      stations.push({
        code: `AS${String(n + 1).padStart(3, '0')}`,
        name: `${district.name.slice(0, -1)}${STATION_PLACES[(district.index + i) % STATION_PLACES.length]}站`,
        type: n % 4 === 0 ? '国控' : n % 4 === 1 ? '省控' : n % 4 === 2 ? '市控' : '区控',
        district,
        lon: round(district.lon + rng.normal(0, 0.03), 5),
        lat: round(district.lat + rng.normal(0, 0.02), 5),
      })
    }
  }
  return stations
}

export interface Section {
  code: string
  name: string
  waterBodyType: WaterBody
  waterBody: string
  level: string
  target: TargetClass
  drinking: boolean
  district: District
  /** Pollution load relative to its target: < 1 usually compliant, > 1 often not. */
  load: number
}

// [water body, river/lake, district index, target, drinking source, load]
const WATERS: [string, WaterBody, number, TargetClass, boolean, number][] = [
  ['长江', 'river', 0, 'II', true, 0.8],
  ['长江', 'river', 4, 'II', true, 0.85],
  ['长江', 'river', 5, 'III', false, 0.95],
  ['长江', 'river', 9, 'II', false, 0.85],
  ['长江', 'river', 11, 'II', false, 0.8],
  ['汉江', 'river', 2, 'II', true, 0.8],
  ['汉江', 'river', 3, 'II', true, 0.85],
  ['汉江', 'river', 8, 'II', false, 0.8],
  ['府河', 'river', 7, 'IV', false, 1.15],
  ['府河', 'river', 10, 'III', false, 1.0],
  ['滠水', 'river', 10, 'III', false, 0.9],
  ['举水', 'river', 11, 'III', false, 0.9],
  ['倒水', 'river', 11, 'III', false, 0.95],
  ['通顺河', 'river', 8, 'IV', false, 1.25],
  ['金水河', 'river', 9, 'III', false, 1.05],
  ['黄孝河', 'river', 0, 'V', false, 1.3],
  ['东湖', 'lake', 4, 'III', false, 1.0],
  ['南湖', 'lake', 6, 'IV', false, 1.2],
  ['汤逊湖', 'lake', 9, 'III', false, 1.1],
  ['后官湖', 'lake', 8, 'III', false, 1.0],
  ['梁子湖', 'lake', 9, 'II', true, 0.75],
  ['沙湖', 'lake', 4, 'IV', false, 1.15],
  ['墨水湖', 'lake', 3, 'IV', false, 1.3],
  ['月湖', 'lake', 3, 'IV', false, 1.1],
  ['武湖', 'lake', 10, 'III', false, 1.05],
  ['涨渡湖', 'lake', 11, 'III', false, 0.95],
  ['严西湖', 'lake', 6, 'III', false, 1.05],
  ['金银湖', 'lake', 7, 'IV', false, 1.15],
  ['汉阳河', 'river', 3, 'IV', false, 1.1],
  ['东荆河', 'river', 8, 'III', false, 0.95],
  ['木兰湖', 'lake', 10, 'II', true, 0.8],
  ['青菱湖', 'lake', 6, 'IV', false, 1.2],
  ['长江', 'river', 6, 'II', false, 0.85],
  ['汉江', 'river', 1, 'II', false, 0.85],
  ['府河', 'river', 0, 'IV', false, 1.2],
  ['鲁湖', 'lake', 9, 'III', false, 1.0],
]

export function buildSections(rng: Rng): Section[] {
  return WATERS.map(([waterBody, waterBodyType, d, target, drinking, load], i) => {
    const district = DISTRICT_MODELS[d]
    const name =
      waterBodyType === 'lake'
        ? `${waterBody}${i % 2 ? '湖心' : '出口'}`
        : `${waterBody}${district.name.slice(0, -1)}段`
    return {
      code: `WS${String(i + 1).padStart(3, '0')}`,
      name,
      waterBodyType,
      waterBody,
      level: i < 8 ? '国考' : i < 20 ? '省考' : '市考',
      target,
      drinking,
      district,
      load: load * rng.between(0.92, 1.08),
    }
  })
}

export interface Industry {
  name: string
  words: string[]
  keys: string[]
  water: boolean
  air: boolean
  soil: boolean
}

export const INDUSTRIES: Industry[] = [
  {
    name: '火电',
    words: ['热电', '发电', '能源'],
    keys: ['大气'],
    water: false,
    air: true,
    soil: false,
  },
  {
    name: '钢铁',
    words: ['钢铁', '特钢', '金属制品'],
    keys: ['大气', '水'],
    water: true,
    air: true,
    soil: true,
  },
  {
    name: '石化',
    words: ['石化', '炼化'],
    keys: ['大气', '水', '环境风险'],
    water: true,
    air: true,
    soil: true,
  },
  {
    name: '化工',
    words: ['化工', '精细化工', '新材料'],
    keys: ['水', '大气', '土壤', '环境风险'],
    water: true,
    air: true,
    soil: true,
  },
  {
    name: '医药',
    words: ['制药', '生物医药'],
    keys: ['水', '大气'],
    water: true,
    air: true,
    soil: false,
  },
  { name: '造纸', words: ['纸业', '造纸'], keys: ['水'], water: true, air: false, soil: false },
  {
    name: '污水处理',
    words: ['水务', '污水处理'],
    keys: ['水'],
    water: true,
    air: false,
    soil: false,
  },
  {
    name: '汽车制造',
    words: ['汽车', '汽车零部件'],
    keys: ['大气'],
    water: false,
    air: true,
    soil: false,
  },
  {
    name: '电镀',
    words: ['电镀', '表面处理'],
    keys: ['水', '土壤'],
    water: true,
    air: false,
    soil: true,
  },
  { name: '印染', words: ['印染', '纺织'], keys: ['水'], water: true, air: false, soil: false },
  {
    name: '食品加工',
    words: ['食品', '酿造', '乳业'],
    keys: ['水'],
    water: true,
    air: false,
    soil: false,
  },
  {
    name: '建材',
    words: ['水泥', '建材', '玻璃'],
    keys: ['大气'],
    water: false,
    air: true,
    soil: false,
  },
  {
    name: '固废处置',
    words: ['环保科技', '固废处置'],
    keys: ['大气', '土壤', '环境风险'],
    water: false,
    air: true,
    soil: true,
  },
  {
    name: '有色金属',
    words: ['有色金属', '铜业'],
    keys: ['大气', '土壤'],
    water: true,
    air: true,
    soil: true,
  },
]

const SEEDED_INDUSTRY = ['钢铁', '石化', '火电', '污水处理', '汽车制造', '化工', '固废处置', '造纸']
const NAME_SYLLABLES = [
  '华',
  '荣',
  '鑫',
  '兴',
  '达',
  '恒',
  '昌',
  '盛',
  '瑞',
  '祥',
  '宏',
  '泰',
  '隆',
  '福',
  '金',
  '新',
  '汉',
  '楚',
  '明',
  '天',
  '中',
  '远',
]
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
]

export interface Enterprise {
  code: string
  name: string
  creditCode: string
  industry: Industry
  district: District
  lon: number
  lat: number
  legalRepresentative: string
  listedYear: number
  /** How often it breaks its limits: most comply, a few are repeat offenders. */
  compliance: number
}

/** Same scheme as the organisations seeder, so the first eight match their organisations. */
export function enterpriseCreditCode(districtCode: string, index: number): string {
  const body = `91${districtCode}MA${String(5000 + index).padStart(7, '0')}`
  return body + creditCodeCheckChar(body)
}

export function buildEnterprises(rng: Rng, count = 500): Enterprise[] {
  const enterprises: Enterprise[] = []
  const industryWeights = INDUSTRIES.map(
    (industry) => [industry, industry.name === '食品加工' ? 3 : 2] as const
  )
  for (let i = 0; i < count; i++) {
    const seeded = SEEDED_ENTERPRISES[i]
    const industry = seeded
      ? INDUSTRIES.find((candidate) => candidate.name === SEEDED_INDUSTRY[i])!
      : rng.weighted(industryWeights)
    const district =
      DISTRICT_MODELS[seeded ? seeded[2] : industry.air && rng.chance(0.3) ? 5 : rng.int(0, 11)]
    const name = seeded
      ? seeded[1]
      : `江城${rng.pick(NAME_SYLLABLES)}${rng.pick(NAME_SYLLABLES)}${rng.pick(industry.words)}${rng.chance(0.3) ? '股份' : ''}有限公司`
    enterprises.push({
      code: seeded ? seeded[0] : `ENT-${String(i + 1).padStart(4, '0')}`,
      name: enterprises.some((e) => e.name === name)
        ? name.replace('有限公司', `${i}号厂有限公司`)
        : name,
      creditCode: enterpriseCreditCode(district.code, i),
      industry,
      district,
      lon: round(district.lon + rng.normal(0, 0.05), 5),
      lat: round(district.lat + rng.normal(0, 0.04), 5),
      legalRepresentative: `${rng.pick(SURNAMES)}${rng.pick(NAME_SYLLABLES)}${rng.chance(0.5) ? rng.pick(NAME_SYLLABLES) : ''}`,
      listedYear: rng.weighted([
        [2018, 50],
        [2019, 12],
        [2020, 10],
        [2021, 10],
        [2022, 8],
        [2023, 6],
        [2024, 4],
      ]),
      compliance: rng.weighted([
        [0.998, 75],
        [0.99, 20],
        [0.96, 5],
      ]),
    })
  }
  return enterprises
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
