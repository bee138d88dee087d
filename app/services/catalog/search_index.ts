import { indexTerms, queryTokens } from '#services/catalog/tokenizer'
import { TermPostings } from '#services/catalog/term_postings'
import { canSeeDataset, type CatalogViewer } from '#services/catalog/catalog_viewer'
import { FACETS, FacetTable, type FacetName, type FacetValue } from '#services/catalog/facet_table'
import type { DatasetStatus } from '#models/dataset'

/*
 * In-memory search over the catalog's metadata: an inverted index of tokenizer terms, filters and
 * facet counts (facet_table.ts), sorting and paging — all after the viewer's visibility rule, so
 * nothing invisible reaches results, totals or facet counts. Documents can be replaced one by
 * one (catalog_search.ts does so after a write). Pure: built from plain rows, so unit-testable.
 */
export { FACETS, type FacetName, type FacetValue } from '#services/catalog/facet_table'

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

export interface CatalogResult {
  total: number
  page: number
  perPage: number
  items: DatasetDoc[]
  facets: Partial<Record<FacetName, FacetValue[]>>
}

const WEIGHTS = { code: 10, name: 8, tag: 5, taxonomy: 3, field: 2, provider: 2, description: 1 }
const zhCollator = new Intl.Collator('zh-CN-u-co-pinyin')

export class CatalogSearchIndex {
  readonly #docs: DatasetDoc[] = []
  readonly #positionById = new Map<number, number>()
  readonly #postings = new TermPostings()
  /** The terms each doc put into #postings, so an update can take them out again. */
  readonly #termsOf: string[][] = []
  readonly #updatedMs: number[] = []
  readonly #facets = new FacetTable()
  /** Sort orders, derived on demand after changes. */
  #orders: Partial<Record<'name' | 'code' | 'updatedAt', number[]>> = {}

  constructor(docs: DatasetDoc[]) {
    for (const doc of docs) this.upsert(doc)
  }

  /** Adds a dataset, or replaces the one with the same id. */
  upsert(doc: DatasetDoc) {
    let position = this.#positionById.get(doc.id)
    if (position === undefined) {
      position = this.#docs.length
      this.#positionById.set(doc.id, position)
    } else {
      this.#postings.remove(position, this.#termsOf[position])
    }
    this.#docs[position] = doc
    this.#termsOf[position] = this.#indexDoc(doc, position)
    this.#updatedMs[position] = Date.parse(doc.updatedAt)
    this.#facets.set(position, facetEntry(doc))
    this.#orders = {}
  }

  get size() {
    return this.#docs.length
  }

  search(viewer: CatalogViewer, query: CatalogQuery): CatalogResult {
    const page = Math.max(1, query.page ?? 1)
    const perPage = Math.min(100, Math.max(1, query.perPage ?? 20))
    const shown = FACETS.filter((name) => name !== 'status' || viewer.kind === 'admin')
    const scores = query.q ? this.#match(query.q) : null
    const candidates = scores ? [...scores.keys()] : this.#docs.keys()
    const visible = [...candidates].filter((position) =>
      canSeeDataset(viewer, this.#docs[position])
    )
    const { hits, facets } = this.#facets.scan(visible, query.filters ?? {}, shown)
    const sort = query.sort ?? (query.q ? 'relevance' : '-updatedAt')
    const pageOf = this.#page(
      hits,
      sort === 'relevance' && !scores ? '-updatedAt' : sort,
      scores,
      (page - 1) * perPage,
      perPage
    )
    return {
      total: hits.length,
      page,
      perPage,
      items: pageOf.map((position) => this.#docs[position]),
      facets,
    }
  }

  /** Doc positions matching every query token, with their relevance; null for a query without tokens. */
  #match(q: string): Map<number, number> | null {
    const tokens = queryTokens(q)
    if (tokens.length === 0) return null
    const { positions, weights } = this.#postings.match(tokens)
    return new Map(positions.map((position, i) => [position, weights[i]]))
  }

  /** One page of hits in the requested order; rank sorts walk a precomputed order instead of sorting. */
  #page(
    hits: number[],
    sort: SortKey,
    scores: Map<number, number> | null,
    offset: number,
    limit: number
  ): number[] {
    if (sort === 'relevance') {
      const updated = this.#updatedMs
      hits.sort(
        (a, b) =>
          scores!.get(b)! - scores!.get(a)! ||
          updated[b] - updated[a] ||
          this.#docs[b].id - this.#docs[a].id
      )
      return hits.slice(offset, offset + limit)
    }
    const descending = sort.startsWith('-')
    const order = this.#order(sort.replace('-', '') as 'name' | 'code' | 'updatedAt')
    const isHit = new Uint8Array(this.#docs.length)
    for (const position of hits) isHit[position] = 1
    const page: number[] = []
    let skipped = 0
    for (let i = 0; i < order.length && page.length < limit; i++) {
      const position = order[descending ? order.length - 1 - i : i]
      if (!isHit[position]) continue
      if (skipped < offset) skipped++
      else page.push(position)
    }
    return page
  }

  #order(key: 'name' | 'code' | 'updatedAt'): number[] {
    const docs = this.#docs
    const compare = {
      name: (a: number, b: number) =>
        zhCollator.compare(docs[a].nameZh, docs[b].nameZh) || docs[a].id - docs[b].id,
      code: (a: number, b: number) =>
        docs[a].code < docs[b].code ? -1 : docs[a].code > docs[b].code ? 1 : 0,
      updatedAt: (a: number, b: number) =>
        this.#updatedMs[a] - this.#updatedMs[b] || docs[a].id - docs[b].id,
    }[key]
    this.#orders[key] ??= docs.map((_, position) => position).sort(compare)
    return this.#orders[key]
  }

  #indexDoc(doc: DatasetDoc, position: number): string[] {
    const terms = new Map<string, number>()
    const add = (text: string | null | undefined, weight: number) => {
      for (const term of indexTerms(text)) {
        if ((terms.get(term) ?? 0) < weight) terms.set(term, weight)
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
    for (const field of doc.fields) {
      add(
        `${field.name} ${field.labelZh} ${field.labelEn} ${field.description ?? ''}`,
        WEIGHTS.field
      )
    }
    add(`${doc.provider.name} ${doc.provider.nameEn ?? ''}`, WEIGHTS.provider)
    add(doc.description, WEIGHTS.description)
    this.#postings.add(position, terms)
    return [...terms.keys()]
  }
}

/** A document's facet values and the display names they come with. */
function facetEntry(doc: DatasetDoc) {
  const named = (node: { code: string; nameZh: string; nameEn: string | null }) => ({
    [node.code]: { zh: node.nameZh, en: node.nameEn ?? node.nameZh },
  })
  return {
    values: {
      category: doc.category.code,
      subcategory: doc.subcategory.code,
      provider: doc.provider.code,
      grade: doc.grade,
      sharing: doc.sharingAttribute,
      open: String(doc.isOpen),
      frequency: doc.updateFrequency,
      format: doc.format,
      status: doc.status,
    },
    tags: [...doc.controlledTags.map((tag) => tag.code), ...doc.freeTags],
    labels: {
      category: named(doc.category),
      subcategory: named(doc.subcategory),
      provider: named({
        code: doc.provider.code,
        nameZh: doc.provider.name,
        nameEn: doc.provider.nameEn,
      }),
      tag: Object.assign({}, ...doc.controlledTags.map(named)),
    },
  }
}
