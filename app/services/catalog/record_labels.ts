import type { Knex } from 'knex'

/*
 * Record labels (seed §3 第三节): every stored record carries its classification level,
 * its sharing scope and the time its label/content was last updated. Queries filter on
 * them, so a grant can restrict rows by label and anonymous callers see only open rows.
 */
export const CLASSIFICATION_LEVELS = ['public', 'internal', 'sensitive', 'secret'] as const
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number]

export const SHARING_SCOPES = ['open', 'unconditional', 'conditional', 'not_shared'] as const
export type SharingScope = (typeof SHARING_SCOPES)[number]

/** Adds the three label columns and an index that serves "open rows only" filters. */
export function addRecordLabelColumns(table: Knex.CreateTableBuilder, tableName: string) {
  table.string('classification_level', 16).notNullable().defaultTo('internal')
  table.string('sharing_scope', 16).notNullable().defaultTo('conditional')
  table.timestamp('label_updated_at').notNullable()
  table.index(['sharing_scope', 'classification_level'], `${tableName}_labels_idx`)
}

/** The label condition for an anonymous / public caller. */
export const PUBLIC_LABELS = { sharing_scope: 'open', classification_level: 'public' } as const

/**
 * The record labels a catalog viewer may see in previews and samples, before any grant:
 * the public sees open, public rows; government staff see rows shareable without conditions.
 * A grant (issued by the approval workflow) widens this per dataset.
 */
export function previewLabelScope(viewerKind: 'public' | 'internal' | 'admin'): {
  sharingScopes: SharingScope[]
  classificationLevels: ClassificationLevel[]
} {
  if (viewerKind === 'public') return { sharingScopes: ['open'], classificationLevels: ['public'] }
  return { sharingScopes: ['open', 'unconditional'], classificationLevels: ['public', 'internal'] }
}
