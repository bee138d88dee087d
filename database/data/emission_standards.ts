/*
 * Discharge limits the demo outlets are held to (special / direct-discharge limits of the
 * national standards, mg/L for water and mg/m³ for flue gas). Online-monitoring exceedances
 * are judged against exactly these values.
 */
export interface EmissionStandard {
  code: string
  name: string
  medium: 'water' | 'air'
  effectiveFrom: string
  limits: Record<string, number>
}

export const FACTORS: Record<string, { name: string; unit: string }> = {
  w01018: { name: '化学需氧量', unit: 'mg/L' },
  w21003: { name: '氨氮', unit: 'mg/L' },
  w21011: { name: '总磷', unit: 'mg/L' },
  a21026: { name: '二氧化硫', unit: 'mg/m³' },
  a21002: { name: '氮氧化物', unit: 'mg/m³' },
  a34013: { name: '颗粒物', unit: 'mg/m³' },
}

export const EMISSION_STANDARDS: EmissionStandard[] = [
  {
    code: 'GB 13223-2011',
    name: '火电厂大气污染物排放标准',
    medium: 'air',
    effectiveFrom: '2012-01-01',
    limits: { a21026: 50, a21002: 100, a34013: 20 },
  },
  {
    code: 'GB 28662-2012',
    name: '钢铁烧结、球团工业大气污染物排放标准',
    medium: 'air',
    effectiveFrom: '2012-10-01',
    limits: { a21026: 180, a21002: 300, a34013: 40 },
  },
  {
    code: 'GB 31571-2015',
    name: '石油化学工业污染物排放标准（废气）',
    medium: 'air',
    effectiveFrom: '2015-07-01',
    limits: { a21026: 50, a21002: 100, a34013: 20 },
  },
  {
    code: 'GB 31571-2015/W',
    name: '石油化学工业污染物排放标准（废水）',
    medium: 'water',
    effectiveFrom: '2015-07-01',
    limits: { w01018: 50, w21003: 5, w21011: 0.5 },
  },
  {
    code: 'GB 21904-2008',
    name: '化学合成类制药工业水污染物排放标准',
    medium: 'water',
    effectiveFrom: '2008-08-01',
    limits: { w01018: 50, w21003: 5, w21011: 0.5 },
  },
  {
    code: 'GB 3544-2008',
    name: '制浆造纸工业水污染物排放标准',
    medium: 'water',
    effectiveFrom: '2008-08-01',
    limits: { w01018: 80, w21003: 8, w21011: 0.8 },
  },
  {
    code: 'GB 18918-2002',
    name: '城镇污水处理厂污染物排放标准（一级A）',
    medium: 'water',
    effectiveFrom: '2003-07-01',
    limits: { w01018: 50, w21003: 5, w21011: 0.5 },
  },
  {
    code: 'GB 21900-2008',
    name: '电镀污染物排放标准',
    medium: 'water',
    effectiveFrom: '2008-08-01',
    limits: { w01018: 80, w21003: 15, w21011: 1 },
  },
  {
    code: 'GB 4287-2012',
    name: '纺织染整工业水污染物排放标准',
    medium: 'water',
    effectiveFrom: '2013-01-01',
    limits: { w01018: 80, w21003: 10, w21011: 0.5 },
  },
  {
    code: 'GB 8978-1996',
    name: '污水综合排放标准（一级）',
    medium: 'water',
    effectiveFrom: '1998-01-01',
    limits: { w01018: 100, w21003: 15, w21011: 0.5 },
  },
  {
    code: 'GB 16297-1996',
    name: '大气污染物综合排放标准',
    medium: 'air',
    effectiveFrom: '1997-01-01',
    limits: { a21026: 550, a21002: 240, a34013: 120 },
  },
  {
    code: 'GB 4915-2013',
    name: '水泥工业大气污染物排放标准',
    medium: 'air',
    effectiveFrom: '2014-03-01',
    limits: { a21026: 100, a21002: 320, a34013: 20 },
  },
  {
    code: 'GB 18484-2020',
    name: '危险废物焚烧污染控制标准',
    medium: 'air',
    effectiveFrom: '2021-07-01',
    limits: { a21026: 80, a21002: 250, a34013: 20 },
  },
  {
    code: 'GB 25467-2010',
    name: '铜、镍、钴工业污染物排放标准',
    medium: 'air',
    effectiveFrom: '2010-10-01',
    limits: { a21026: 400, a21002: 200, a34013: 80 },
  },
]

/** Which standard an industry's water and air outlets follow. */
export const INDUSTRY_STANDARDS: Record<string, { water?: string; air?: string }> = {
  火电: { air: 'GB 13223-2011' },
  钢铁: { air: 'GB 28662-2012', water: 'GB 8978-1996' },
  石化: { air: 'GB 31571-2015', water: 'GB 31571-2015/W' },
  化工: { air: 'GB 16297-1996', water: 'GB 31571-2015/W' },
  医药: { air: 'GB 16297-1996', water: 'GB 21904-2008' },
  造纸: { water: 'GB 3544-2008' },
  污水处理: { water: 'GB 18918-2002' },
  汽车制造: { air: 'GB 16297-1996' },
  电镀: { water: 'GB 21900-2008' },
  印染: { water: 'GB 4287-2012' },
  食品加工: { water: 'GB 8978-1996' },
  建材: { air: 'GB 4915-2013' },
  固废处置: { air: 'GB 18484-2020' },
  有色金属: { air: 'GB 25467-2010', water: 'GB 8978-1996' },
}
