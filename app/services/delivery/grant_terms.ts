import type Dataset from '#models/dataset'
import type { RowScope } from '#models/grant'
import type { LabelScope } from '#models/grant_dataset'

/*
 * What a grant allows, derived from the request and the catalog at provision time. Pure
 * functions so the rules can be unit-tested and read in one place.
 */
const SCOPE_KEYS: Record<string, keyof RowScope> = {
  district: 'districts',
  districts: 'districts',
  district_code: 'districts',
  enterprise: 'enterprises',
  enterprises: 'enterprises',
  enterprise_code: 'enterprises',
  station: 'stations',
  stations: 'stations',
  station_code: 'stations',
  section: 'sections',
  sections: 'sections',
  section_code: 'sections',
  from: 'from',
  to: 'to',
}
const VALUE = /^[\w.:-]{1,64}$/

export type ScopeDimension = 'districts' | 'enterprises' | 'stations' | 'sections'
/** The store column each row-scope dimension narrows. */
export const SCOPE_COLUMNS: Record<ScopeDimension, string> = {
  districts: 'district_code',
  enterprises: 'enterprise_code',
  stations: 'station_code',
  sections: 'section_code',
}

/**
 * The request's row scope: `district_code=420102,420103; from=2026-01-01; to=2026-07-01`
 * (or the same keys as a JSON object). Prose that does not follow the form is kept as a note
 * and narrows nothing, since no machine can apply it; reviewers read it before approving.
 */
export function parseRowScope(text: string | RowScope | null | undefined): RowScope {
  // The form's scope editor sends the structure itself, checked at submission.
  if (text !== null && typeof text === 'object') return { ...text }
  const source = (text ?? '').trim()
  if (!source) return {}
  const pairs = parsePairs(source)
  if (!pairs) return { note: source.slice(0, 2000) }
  const scope: RowScope = {}
  for (const [rawKey, values] of pairs) {
    const key = SCOPE_KEYS[rawKey]
    if (key === 'from' || key === 'to') scope[key] = values[0]
    else if (key && key !== 'note') scope[key] = [...new Set([...(scope[key] ?? []), ...values])]
  }
  return scope
}

function parsePairs(source: string): [string, string[]][] | null {
  if (source.startsWith('{')) {
    try {
      const object = JSON.parse(source)
      const entries = Object.entries(object).map(([k, v]) => [
        k,
        (Array.isArray(v) ? v : [v]).map(String),
      ])
      return validPairs(entries as [string, string[]][])
    } catch {
      return null
    }
  }
  const entries = source
    .split(/[;；\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [key, value = ''] = part.split(/[=:：]/, 2).map((s) => s.trim())
      return [key.toLowerCase(), value.split(/[,，\s]+/).filter(Boolean)] as [string, string[]]
    })
  return validPairs(entries)
}

function validPairs(entries: [string, string[]][]) {
  const ok = entries.every(
    ([key, values]) =>
      SCOPE_KEYS[key] !== undefined &&
      values.length > 0 &&
      values.every((value) => VALUE.test(value)) &&
      ((key !== 'from' && key !== 'to') || values.length === 1)
  )
  return ok && entries.length > 0 ? entries : null
}

/** A human (owner, and security officer for important/core or secret data) approved it. */
export function humanReviewed(
  dataset: Pick<Dataset, 'sharingAttribute' | 'grade' | 'secrecyLabel'>
) {
  return (
    dataset.sharingAttribute === 'conditional' ||
    dataset.grade !== 'general' ||
    Boolean(dataset.secrecyLabel)
  )
}

/**
 * Fields of one dataset the grant may read: those requested that belong to it, or all its
 * non-sensitive fields when none were named. Sensitive fields only after human review.
 */
export function grantedFields(
  dataset: Pick<Dataset, 'sharingAttribute' | 'grade' | 'secrecyLabel'>,
  schema: { name: string; isSensitive: boolean }[],
  requested: string[]
): string[] {
  const allowSensitive = humanReviewed(dataset)
  const named = schema.filter((field) => requested.includes(field.name))
  const chosen = named.length > 0 ? named : schema.filter((field) => !field.isSensitive)
  return chosen.filter((field) => allowSensitive || !field.isSensitive).map((field) => field.name)
}

/** Record labels the grant reaches: conditional rows after an owner's approval, sensitive after review; secret never. */
export function grantedLabels(
  dataset: Pick<Dataset, 'sharingAttribute' | 'grade' | 'secrecyLabel'>
): LabelScope {
  const sharingScopes = ['open', 'unconditional']
  const classificationLevels = ['public', 'internal']
  if (dataset.sharingAttribute === 'conditional') sharingScopes.push('conditional')
  if (dataset.grade !== 'general' || dataset.secrecyLabel) classificationLevels.push('sensitive')
  return { sharingScopes, classificationLevels }
}
