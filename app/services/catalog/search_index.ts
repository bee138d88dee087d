import { indexTerms, isHanTerm, queryTokens } from '#services/catalog/tokenizer'
import { canSeeDataset, type CatalogViewer } from '#services/catalog/catalog_viewer'
import { ENUM_LABELS, type Label } from '#services/catalog/catalog_labels'
import type { DatasetStatus } from '#models/dataset'

/*
 * In-memory search over the catalog's metadata: an inverted index of tokenizer terms, filters,
 * facet counts, sorting and paging. Facets are disjunctive (values of one facet are OR-ed, and
 * each facet is counted with every other filter applied, so the caller sees what choosing
 * another value would give) except tags, which narrow like keywords — all after the viewer's
 * visibility rule, so nothing invisible reaches results, totals or facet counts.
 * Pure: built from plain rows (catalog_search.ts loads them), so it is unit-testable.
 */
export const FACETS = [
  'category',
  'subcategory',
  'provider',
  'grade',
  'sharing',
  'open',
  'frequency',
  'format',
  'tag',
  'status',
] as const
export type FacetName = (typeof FACETS)[number]

/** Tags narrow (a dataset must carry every chosen tag); values of any other facet are alternatives. */
const CONJUNCTIVE = new Set<FacetName>(['tag'])

export const SORTS = [
  'relevance',
  'updatedAt',
  '-updatedAt',
  'name',
  '-name',
  'code',
  '-code',
] as const
export type SortKey = (typeof SORTS)[number]

export interface CodeName {
  code: string
  nameZh: string
  nameEn: string
}

/** One dataset as the index needs it; `fields` and `description` are indexed, not returned by facets. */
export interface DatasetDoc {
  id: number
  code: string
  nameZh: string
  nameEn: string
  description: string
  status: DatasetStatus
  isOpen: boolean
  category: CodeName
  subcategory: CodeName
  provider: { code: string; name: string; nameEn: string | null }
  grade: string
  sharingAttribute: string
  updateFrequency: string
  format: string
  freeTags: string[]
  controlledTags: CodeName[]
  deliveryModes: string[]
  timeCoverageStart: string | null
  timeCoverageEnd: string | null
  version: number
  updatedAt: string
  fields: { name: string; labelZh: string; labelEn: string; description: string | null }[]
}

export interface CatalogQuery {
  q?: string
  filters?: Partial<Record<FacetName, string[]>>
  sort?: SortKey
  page?: number
  perPage?: number
}

export interface FacetValue {
  value: string
  labelZh: string
  labelEn: string
  count: number
}

export interface CatalogResult {
  total: number
  page: number
  perPage: number
  items: DatasetDoc[]
  facets: Partial<Record<FacetName, FacetValue[]>>
}

const WEIGHTS = { code: 10, name: 8, tag: 5, taxonomy: 3, field: 2, provider: 2, description: 1 }
const TAG_FACET_LIMIT = 50
const zhCollator = new Intl.Collator('zh-CN-u-co-pinyin')

export class CatalogSearchIndex {
  readonly #docs: DatasetDoc[]
  /** term → (doc position → best field weight of that term in the doc) */
  readonly #postings = new Map<string, Map<number, number>>()
  /** Non-Han terms, sorted, for prefix lookups. */
  readonly #latinTerms: string[]
  readonly #updatedMs: number[]
  readonly #nameRank: number[]
  readonly #codeRank: number[]
  readonly #facetValues: Record<FacetName, string[]>[]
  readonly #labels = new Map<string, Label>()

  constructor(docs: DatasetDoc[]) {
    this.#docs = docs
    docs.forEach((doc, position) => this.#indexDoc(doc, position))
    this.#latinTerms = [...this.#postings.keys()].filter((term) => !isHanTerm(term)).sort()
    this.#updatedMs = docs.map((doc) => Date.parse(doc.updatedAt))
    this.#nameRank = rankBy(docs, (a, b) => zhCollator.compare(a.nameZh, b.nameZh) || a.id - b.id)
    this.#codeRank = rankBy(docs, (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    this.#facetValues = docs.map((doc) => this.#valuesOf(doc))
  }

  get size() {
    return this.#docs.length
  }

  search(viewer: CatalogViewer, query: CatalogQuery): CatalogResult {
    const page = Math.max(1, query.page ?? 1)
    const perPage = Math.min(100, Math.max(1, query.perPage ?? 20))
    const facets = FACETS.filter((name) => name !== 'status' || viewer.kind === 'admin')
    const filters = activeFilters(query.filters ?? {}, facets)
    const scores = query.q ? this.#match(query.q) : null

    const counts = new Map<FacetName, Map<string, number>>(facets.map((name) => [name, new Map()]))
    const hits: number[] = []
    const candidates = scores ? [...scores.keys()] : this.#docs.keys()
    for (const position of candidates) {
      const doc = this.#docs[position]
      if (!canSeeDataset(viewer, doc)) continue
      const values = this.#facetValues[position]
      // A doc failing one filter still counts toward that filter's own facet (disjunctive facets).
      let failed: FacetName | null = null
      let failures = 0
      for (const [name, chosen] of filters) {
        if (CONJUNCTIVE.has(name)) {
          if (![...chosen].every((value) => values[name].includes(value))) failures = 2
        } else if (!values[name].some((value) => chosen.has(value))) {
          failed = name
          failures++
        }
        if (failures > 1) break
      }
      if (failures > 1) continue
      if (failures === 1) {
        increment(counts.get(failed!)!, values[failed!])
        continue
      }
      hits.push(position)
      for (const name of facets) increment(counts.get(name)!, values[name])
    }

    this.#sort(hits, query.sort ?? (query.q ? 'relevance' : '-updatedAt'), scores)
    const items = hits
      .slice((page - 1) * perPage, page * perPage)
      .map((position) => this.#docs[position])
    const facetResult: Partial<Record<FacetName, FacetValue[]>> = {}
    for (const name of facets)
      facetResult[name] = this.#facetList(name, counts.get(name)!, filters.get(name))
    return { total: hits.length, page, perPage, items, facets: facetResult }
  }

  /** Doc positions matching every query token, with their relevance. Empty map when nothing matches. */
  #match(q: string): Map<number, number> | null {
    const tokens = queryTokens(q)
    if (tokens.length === 0) return null
    let scores: Map<number, number> | null = null
    const perToken = tokens
      .map((token) =>
        token.prefix
          ? this.#prefixPostings(token.term)
          : (this.#postings.get(token.term) ?? new Map())
      )
      .sort((a, b) => a.size - b.size)
    for (const postings of perToken) {
      const next: Map<number, number> = new Map()
      if (scores === null) {
        for (const [position, weight] of postings) next.set(position, weight)
      } else {
        for (const [position, score] of scores) {
          const weight = postings.get(position)
          if (weight !== undefined) next.set(position, score + weight)
        }
      }
      scores = next
      if (scores.size === 0) break
    }
    return scores ?? new Map()
  }

  #prefixPostings(prefix: string): Map<number, number> {
    const merged = new Map<number, number>()
    let low = 0
    let high = this.#latinTerms.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.#latinTerms[mid] < prefix) low = mid + 1
      else high = mid
    }
    for (let i = low; i < this.#latinTerms.length && this.#latinTerms[i].startsWith(prefix); i++) {
      for (const [position, weight] of this.#postings.get(this.#latinTerms[i])!) {
        if ((merged.get(position) ?? 0) < weight) merged.set(position, weight)
      }
    }
    return merged
  }

  #sort(hits: number[], sort: SortKey, scores: Map<number, number> | null) {
    const updated = this.#updatedMs
    const newestFirst = (a: number, b: number) =>
      updated[b] - updated[a] || this.#docs[b].id - this.#docs[a].id
    const by: Record<SortKey, (a: number, b: number) => number> = {
      'relevance': (a, b) => (scores ? scores.get(b)! - scores.get(a)! : 0) || newestFirst(a, b),
      'updatedAt': (a, b) => -newestFirst(a, b),
      '-updatedAt': newestFirst,
      'name': (a, b) => this.#nameRank[a] - this.#nameRank[b],
      '-name': (a, b) => this.#nameRank[b] - this.#nameRank[a],
      'code': (a, b) => this.#codeRank[a] - this.#codeRank[b],
      '-code': (a, b) => this.#codeRank[b] - this.#codeRank[a],
    }
    hits.sort(by[sort])
  }

  #facetList(name: FacetName, counts: Map<string, number>, selected?: Set<string>): FacetValue[] {
    for (const value of selected ?? []) if (!counts.has(value)) counts.set(value, 0)
    const list = [...counts.entries()]
      .sort(([va, ca], [vb, cb]) => cb - ca || (va < vb ? -1 : va > vb ? 1 : 0))
      .map(([value, count]) => {
        const label = this.#labels.get(`${name}:${value}`) ??
          ENUM_LABELS[name]?.[value] ?? { zh: value, en: value }
        return { value, labelZh: label.zh, labelEn: label.en, count }
      })
    return name === 'tag' ? list.slice(0, TAG_FACET_LIMIT) : list
  }

  #valuesOf(doc: DatasetDoc): Record<FacetName, string[]> {
    const remember = (facet: FacetName, value: string, zh: string, en: string | null) =>
      this.#labels.set(`${facet}:${value}`, { zh, en: en ?? zh })
    remember('category', doc.category.code, doc.category.nameZh, doc.category.nameEn)
    remember('subcategory', doc.subcategory.code, doc.subcategory.nameZh, doc.subcategory.nameEn)
    remember('provider', doc.provider.code, doc.provider.name, doc.provider.nameEn)
    for (const tag of doc.controlledTags) remember('tag', tag.code, tag.nameZh, tag.nameEn)
    return {
      category: [doc.category.code],
      subcategory: [doc.subcategory.code],
      provider: [doc.provider.code],
      grade: [doc.grade],
      sharing: [doc.sharingAttribute],
      open: [String(doc.isOpen)],
      frequency: [doc.updateFrequency],
      format: [doc.format],
      tag: [...new Set([...doc.controlledTags.map((tag) => tag.code), ...doc.freeTags])],
      status: [doc.status],
    }
  }

  #indexDoc(doc: DatasetDoc, position: number) {
    const add = (text: string | null | undefined, weight: number) => {
      for (const term of indexTerms(text)) {
        let postings = this.#postings.get(term)
        if (!postings) this.#postings.set(term, (postings = new Map()))
        if ((postings.get(position) ?? 0) < weight) postings.set(position, weight)
      }
    }
    add(doc.code, WEIGHTS.code)
    add(doc.nameZh, WEIGHTS.name)
    add(doc.nameEn, WEIGHTS.name)
    for (const tag of doc.freeTags) add(tag, WEIGHTS.tag)
    for (const tag of doc.controlledTags)
      add(`${tag.code} ${tag.nameZh} ${tag.nameEn}`, WEIGHTS.tag)
    for (const node of [doc.category, doc.subcategory])
      add(`${node.nameZh} ${node.nameEn}`, WEIGHTS.taxonomy)
    for (const field of doc.fields)
      add(
        `${field.name} ${field.labelZh} ${field.labelEn} ${field.description ?? ''}`,
        WEIGHTS.field
      )
    add(`${doc.provider.name} ${doc.provider.nameEn ?? ''}`, WEIGHTS.provider)
    add(doc.description, WEIGHTS.description)
  }
}

function activeFilters(
  filters: Partial<Record<FacetName, string[]>>,
  facets: readonly FacetName[]
) {
  const active = new Map<FacetName, Set<string>>()
  for (const name of facets) {
    const values = filters[name]
    if (values && values.length > 0) active.set(name, new Set(values))
  }
  return active
}

function increment(counts: Map<string, number>, values: string[]) {
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
}

/** rank[position] = place of that doc in the given order, so sorting a page compares integers. */
function rankBy(docs: DatasetDoc[], compare: (a: DatasetDoc, b: DatasetDoc) => number): number[] {
  const order = docs.map((_, position) => position).sort((a, b) => compare(docs[a], docs[b]))
  const rank = new Array<number>(docs.length)
  order.forEach((position, place) => (rank[position] = place))
  return rank
}
