import { test } from '@japa/runner'
import { CatalogSearchIndex, type DatasetDoc } from '#services/catalog/search_index'
import type { CatalogViewer } from '#services/catalog/catalog_viewer'

const PUBLIC: CatalogViewer = { kind: 'public', userId: null, organisationId: null }
const STAFF: CatalogViewer = { kind: 'internal', userId: 1, organisationId: 1 }
const ADMIN: CatalogViewer = { kind: 'admin', userId: 2, organisationId: 1 }

const node = (code: string, nameZh: string, nameEn = code) => ({ code, nameZh, nameEn })
let nextId = 1

function doc(values: Partial<DatasetDoc> & { code: string }): DatasetDoc {
  return {
    id: nextId++,
    nameZh: values.code,
    nameEn: values.code,
    description: '',
    status: 'published',
    isOpen: false,
    category: node('EQ', '环境质量', 'Environmental quality'),
    subcategory: node('EQ-AIR', '环境空气', 'Ambient air'),
    provider: { code: 'MON', name: '监测中心', nameEn: 'Monitoring centre' },
    grade: 'general',
    sharingAttribute: 'unconditional',
    updateFrequency: 'daily',
    format: 'table',
    freeTags: [],
    controlledTags: [],
    deliveryModes: ['api'],
    timeCoverageStart: null,
    timeCoverageEnd: null,
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    fields: [],
    ...values,
  }
}

/*
 * Hand-computed fixture (6 docs):
 * A  EQ-AIR  MON  general   open     daily   tags air,report     published
 * B  EQ-AIR  MON  general   open     hourly  tags air            published
 * C  EQ-SW   MON  important closed   monthly tags water          published
 * D  EQ-SW   WR   core      closed   hourly  tags water,linked   published
 * E  PS-ON   MON  important closed   hourly  tags enterprise     published
 * F  EQ-SW   MON  general   open     monthly tags water          draft
 */
function fixture() {
  nextId = 1
  const sw = node('EQ-SW', '地表水', 'Surface water')
  const ps = {
    category: node('PS', '污染源', 'Pollution sources'),
    subcategory: node('PS-ON', '在线监测', 'Online monitoring'),
  }
  const wr = { code: 'WR', name: '水利局', nameEn: 'Water bureau' }
  return new CatalogSearchIndex([
    doc({
      code: 'A',
      nameZh: '空气质量日报',
      nameEn: 'Air quality daily report',
      isOpen: true,
      freeTags: ['report'],
      controlledTags: [node('air', '大气', 'Air')],
      updatedAt: '2026-03-01T00:00:00.000Z',
    }),
    doc({
      code: 'B',
      nameZh: '空气质量小时数据',
      nameEn: 'Hourly air quality',
      isOpen: true,
      updateFrequency: 'hourly',
      controlledTags: [node('air', '大气', 'Air')],
      fields: [{ name: 'pm25', labelZh: 'PM2.5浓度', labelEn: 'PM2.5', description: null }],
      updatedAt: '2026-02-01T00:00:00.000Z',
    }),
    doc({
      code: 'C',
      nameZh: '地表水水质月报',
      nameEn: 'Surface water quality monthly',
      subcategory: sw,
      grade: 'important',
      sharingAttribute: 'conditional',
      updateFrequency: 'monthly',
      controlledTags: [node('water', '水', 'Water')],
    }),
    doc({
      code: 'D',
      nameZh: '水文站水位',
      nameEn: 'Hydrological levels',
      subcategory: sw,
      provider: wr,
      grade: 'core',
      sharingAttribute: 'not_shared',
      updateFrequency: 'hourly',
      controlledTags: [node('water', '水', 'Water')],
      freeTags: ['linked'],
    }),
    doc({
      code: 'E',
      nameZh: '在线监测数据',
      nameEn: 'Online monitoring data',
      ...ps,
      grade: 'important',
      sharingAttribute: 'conditional',
      updateFrequency: 'hourly',
      controlledTags: [node('enterprise', '企业', 'Enterprises')],
      description: '排放口化学需氧量小时均值',
    }),
    doc({
      code: 'F',
      nameZh: '水质草稿',
      nameEn: 'Water draft',
      subcategory: sw,
      isOpen: true,
      status: 'draft',
      updateFrequency: 'monthly',
      controlledTags: [node('water', '水', 'Water')],
    }),
  ])
}

const facet = (result: any, name: string) =>
  Object.fromEntries((result.facets[name] ?? []).map((v: any) => [v.value, v.count]))
const codes = (result: any) => result.items.map((d: DatasetDoc) => d.code)

test.group('Catalog search index', () => {
  test('visibility: public sees open published, staff all published, admin everything', ({
    assert,
  }) => {
    const index = fixture()
    assert.deepEqual(codes(index.search(PUBLIC, { sort: 'code' })), ['A', 'B'])
    assert.deepEqual(codes(index.search(STAFF, { sort: 'code' })), ['A', 'B', 'C', 'D', 'E'])
    assert.deepEqual(codes(index.search(ADMIN, { sort: 'code' })), ['A', 'B', 'C', 'D', 'E', 'F'])
  })

  test('facet counts match the hand computation', ({ assert }) => {
    const result = fixture().search(STAFF, {})
    assert.equal(result.total, 5)
    assert.deepEqual(facet(result, 'category'), { EQ: 4, PS: 1 })
    assert.deepEqual(facet(result, 'subcategory'), { 'EQ-AIR': 2, 'EQ-SW': 2, 'PS-ON': 1 })
    assert.deepEqual(facet(result, 'provider'), { MON: 4, WR: 1 })
    assert.deepEqual(facet(result, 'grade'), { general: 2, important: 2, core: 1 })
    assert.deepEqual(facet(result, 'sharing'), { unconditional: 2, conditional: 2, not_shared: 1 })
    assert.deepEqual(facet(result, 'open'), { true: 2, false: 3 })
    assert.deepEqual(facet(result, 'frequency'), { hourly: 3, daily: 1, monthly: 1 })
    assert.deepEqual(facet(result, 'tag'), {
      air: 2,
      water: 2,
      report: 1,
      linked: 1,
      enterprise: 1,
    })
    assert.notProperty(result.facets, 'status')
    assert.deepEqual(facet(fixture().search(ADMIN, {}), 'status'), { published: 5, draft: 1 })
    assert.deepEqual(facet(fixture().search(PUBLIC, {}), 'grade'), { general: 2 })
  })

  test('facets are disjunctive; tags narrow', ({ assert }) => {
    const result = fixture().search(STAFF, {
      filters: { frequency: ['hourly'], grade: ['important', 'core'] },
    })
    assert.deepEqual(codes(result).sort(), ['D', 'E'])
    // frequency counted with only the grade filter: C (monthly, important), D, E (hourly)
    assert.deepEqual(facet(result, 'frequency'), { hourly: 2, monthly: 1 })
    // grade counted with only the frequency filter: B general, D core, E important
    assert.deepEqual(facet(result, 'grade'), { general: 1, important: 1, core: 1 })
    assert.deepEqual(facet(result, 'provider'), { MON: 1, WR: 1 })

    const tagged = fixture().search(STAFF, { filters: { tag: ['water', 'linked'] } })
    assert.deepEqual(codes(tagged), ['D'])
    assert.deepEqual(facet(tagged, 'tag'), { water: 1, linked: 1 })
  })

  test('a selected value with no hits is still listed, with 0', ({ assert }) => {
    const result = fixture().search(PUBLIC, { filters: { grade: ['core'] } })
    assert.equal(result.total, 0)
    assert.deepEqual(facet(result, 'grade'), { general: 2, core: 0 })
  })

  test('text: Chinese pairs, English prefixes, field labels, descriptions; relevance order', ({
    assert,
  }) => {
    const index = fixture()
    assert.deepEqual(codes(index.search(STAFF, { q: '水质' })), ['C'])
    assert.deepEqual(codes(index.search(ADMIN, { q: '水质', sort: 'code' })), ['C', 'F'])
    assert.deepEqual(codes(index.search(STAFF, { q: 'PM2.5' })), ['B'])
    assert.deepEqual(codes(index.search(STAFF, { q: '需氧量' })), ['E'])
    assert.deepEqual(codes(index.search(STAFF, { q: 'hydro' })), ['D'])
    assert.deepEqual(codes(index.search(STAFF, { q: 'surf wat', sort: 'code' })), ['C', 'D'])
    // 'air' is in A's and B's names (weight 8) and their tag (5), and only in taxonomy for nothing else
    const air = index.search(STAFF, { q: 'air' })
    assert.deepEqual(codes(air), ['A', 'B'], 'equal scores: newest first')
    // 水 matches C's name; D's name and provider; F is a draft
    assert.deepEqual(codes(index.search(STAFF, { q: '水', sort: 'code' })), ['C', 'D'])
    assert.equal(index.search(STAFF, { q: 'nothing-like-this' }).total, 0)
  })

  test('paging and stable sorts', ({ assert }) => {
    const index = fixture()
    const page2 = index.search(STAFF, { sort: 'code', page: 2, perPage: 2 })
    assert.deepEqual(codes(page2), ['C', 'D'])
    assert.equal(page2.total, 5)
    assert.deepEqual(codes(index.search(STAFF, { sort: '-code', perPage: 1 })), ['E'])
    assert.deepEqual(codes(index.search(STAFF, { sort: '-updatedAt', perPage: 2 })), ['A', 'B'])
    // pinyin: 地(di) < 空(kong) < 水(shui) < 在(zai)
    assert.deepEqual(codes(index.search(STAFF, { sort: 'name' })), ['C', 'A', 'B', 'D', 'E'])
    assert.equal(index.search(STAFF, { perPage: 1000 }).perPage, 100)
  })

  test('upsert replaces a document: old words stop matching, facets and sorts follow', ({
    assert,
  }) => {
    const index = fixture()
    const [a] = index.search(STAFF, { q: '日报' }).items
    index.upsert({
      ...a,
      nameZh: '空气质量周报',
      nameEn: 'Air quality weekly',
      grade: 'core',
      code: 'Z',
      updatedAt: '2020-01-01T00:00:00.000Z',
    })
    assert.equal(index.size, 6)
    assert.equal(index.search(STAFF, { q: '日报' }).total, 0)
    assert.deepEqual(codes(index.search(STAFF, { q: '周报' })), ['Z'])
    assert.deepEqual(codes(index.search(STAFF, { q: 'weekly' })), ['Z'])
    assert.equal(index.search(STAFF, { q: 'daily' }).total, 0)
    assert.deepEqual(facet(index.search(STAFF, {}), 'grade'), { general: 1, important: 2, core: 2 })
    assert.deepEqual(codes(index.search(STAFF, { sort: 'code' })), ['B', 'C', 'D', 'E', 'Z'])
    assert.deepEqual(codes(index.search(STAFF, { sort: 'updatedAt', perPage: 1 })), ['Z'])
    index.upsert({ ...a, id: 99, code: 'NEW', nameZh: '新增数据集' })
    assert.deepEqual(codes(index.search(STAFF, { q: '新增' })), ['NEW'])
  })
})
