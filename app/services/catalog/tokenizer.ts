/*
 * Tokens for catalog full-text search, the same on SQLite and MariaDB (MariaDB has no ngram
 * full-text parser, so the database cannot do Chinese for us). Chinese has no spaces: a run
 * of Han characters is indexed as its single characters and its overlapping pairs (bigrams),
 * and a query run of two or more characters must match all its bigrams, which approximates a
 * substring match ("水质" finds "地表水水质月报"). Other scripts split into lower-case words;
 * query words also match as prefixes ("wat" finds "water").
 */
const HAN = /\p{Script=Han}/u
// A run is all Han, or all other letters and digits: '5浓度' is '5' then '浓度'.
const RUN = /\p{Script=Han}+|[[\p{L}\p{N}]--\p{Script=Han}]+/gv
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
])

export interface QueryToken {
  term: string
  /** Latin words match any indexed term that starts with them. */
  prefix: boolean
}

function runs(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(RUN) ?? []
}

/** Every term of a text, for the index. */
export function indexTerms(text: string | null | undefined): string[] {
  if (!text) return []
  const terms: string[] = []
  for (const run of runs(text)) {
    if (HAN.test(run[0])) {
      const chars = [...run]
      for (let i = 0; i < chars.length; i++) {
        terms.push(chars[i])
        if (i + 1 < chars.length) terms.push(chars[i] + chars[i + 1])
      }
    } else if (!STOP_WORDS.has(run)) {
      terms.push(run)
    }
  }
  return terms
}

/** The tokens a query must all match. */
export function queryTokens(query: string): QueryToken[] {
  const tokens = new Map<string, QueryToken>()
  for (const run of runs(query)) {
    if (HAN.test(run[0])) {
      const chars = [...run]
      if (chars.length === 1) tokens.set(run, { term: run, prefix: false })
      for (let i = 0; i + 1 < chars.length; i++) {
        const term = chars[i] + chars[i + 1]
        tokens.set(term, { term, prefix: false })
      }
    } else if (!STOP_WORDS.has(run)) {
      tokens.set(run, { term: run, prefix: run.length >= 2 && !/^\d+$/.test(run) })
    }
  }
  return [...tokens.values()]
}

export function isHanTerm(term: string): boolean {
  return HAN.test(term[0])
}
