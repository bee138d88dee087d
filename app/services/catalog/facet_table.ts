import { ENUM_LABELS, type Label } from '#services/catalog/catalog_labels'

/*
 * Facet values of every document, dictionary-encoded (value → small integer per facet) so one
 * pass over 10 000 candidates filters and counts with array reads instead of string maps.
 * Facets are disjunctive — values of one facet are alternatives and each facet is counted with
 * every other filter applied, so the caller sees what choosing another value would give — except
 * tags, which narrow like keywords: a document must carry every chosen tag.
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

export interface FacetValue {
  value: string
  labelZh: string
  labelEn: string
  count: number
}

/** What a document contributes: one value per facet, several tags, and display names. */
export interface FacetEntry {
  values: Record<Exclude<FacetName, 'tag'>, string>
  tags: string[]
  labels: Partial<Record<FacetName, Record<string, Label>>>
}

const TAG = FACETS.indexOf('tag')
const SINGLE = FACETS.map((_, f) => f).filter((f) => f !== TAG)
const TAG_FACET_LIMIT = 50

export class FacetTable {
  readonly #codes = FACETS.map(() => new Map<string, number>())
  readonly #values: string[][] = FACETS.map(() => [])
  readonly #labels: Label[][] = FACETS.map(() => [])
  /** #single[facet][position] = value code; #tags[position] = tag codes. */
  readonly #single: number[][] = FACETS.map(() => [])
  readonly #tags: number[][] = []

  set(position: number, entry: FacetEntry) {
    for (const f of SINGLE) {
      this.#single[f][position] = this.#code(
        f,
        entry.values[FACETS[f] as keyof FacetEntry['values']]
      )
    }
    this.#tags[position] = [...new Set(entry.tags)].map((tag) => this.#code(TAG, tag))
    for (const [facet, labels] of Object.entries(entry.labels)) {
      const f = FACETS.indexOf(facet as FacetName)
      for (const [value, label] of Object.entries(labels!))
        this.#labels[f][this.#code(f, value)] = label
    }
  }

  /**
   * Filters `candidates` (already visible to the caller) and counts the facets in `shown`.
   * Returns the positions that pass every filter, in candidate order.
   */
  scan(
    candidates: Iterable<number>,
    chosen: Partial<Record<FacetName, string[]>>,
    shown: readonly FacetName[]
  ) {
    const shownIdx = new Set(shown.map((name) => FACETS.indexOf(name)))
    const masks: { f: number; allowed: Uint8Array }[] = []
    let requiredTags: number[] | null = null
    for (const f of shownIdx) {
      const values = chosen[FACETS[f]]
      if (!values || values.length === 0) continue
      if (f === TAG) {
        // An unknown tag can never be carried: -1 matches nothing.
        requiredTags = values.map((value) => this.#codes[TAG].get(value) ?? -1)
        continue
      }
      const allowed = new Uint8Array(this.#values[f].length)
      for (const value of values) {
        const code = this.#codes[f].get(value)
        if (code !== undefined) allowed[code] = 1
      }
      masks.push({ f, allowed })
    }
    const counted = SINGLE.filter((f) => shownIdx.has(f))
    const countTags = shownIdx.has(TAG)
    const counts = FACETS.map((_, f) => new Int32Array(this.#values[f].length))
    const hits: number[] = []

    for (const position of candidates) {
      const tags = this.#tags[position]
      if (requiredTags && !requiredTags.every((code) => tags.includes(code))) continue
      let failed = -1
      let failures = 0
      for (const { f, allowed } of masks) {
        if (allowed[this.#single[f][position]] === 0) {
          failed = f
          if (++failures > 1) break
        }
      }
      if (failures > 1) continue
      if (failures === 1) {
        // Fails only this facet's own filter: it still counts toward that facet.
        counts[failed][this.#single[failed][position]]++
        continue
      }
      hits.push(position)
      for (const f of counted) counts[f][this.#single[f][position]]++
      if (countTags) for (const code of tags) counts[TAG][code]++
    }

    const facets: Partial<Record<FacetName, FacetValue[]>> = {}
    for (const f of shownIdx) facets[FACETS[f]] = this.#list(f, counts[f], chosen[FACETS[f]] ?? [])
    return { hits, facets }
  }

  /** Values with a count, plus any chosen value (with 0), largest count first. */
  #list(f: number, counts: Int32Array, chosen: string[]): FacetValue[] {
    const selected = new Set(chosen)
    const list: FacetValue[] = []
    for (const [value, code] of this.#codes[f]) {
      if (counts[code] === 0 && !selected.has(value)) continue
      const label = this.#labels[f][code] ??
        ENUM_LABELS[FACETS[f]]?.[value] ?? { zh: value, en: value }
      list.push({ value, labelZh: label.zh, labelEn: label.en, count: counts[code] })
    }
    for (const value of selected) {
      if (!this.#codes[f].has(value)) list.push({ value, labelZh: value, labelEn: value, count: 0 })
    }
    list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    return f === TAG ? list.slice(0, TAG_FACET_LIMIT) : list
  }

  #code(f: number, value: string): number {
    let code = this.#codes[f].get(value)
    if (code === undefined) {
      code = this.#values[f].push(value) - 1
      this.#codes[f].set(value, code)
    }
    return code
  }
}
