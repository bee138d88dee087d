import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import {
  CatalogSearchIndex,
  type CatalogQuery,
  type CatalogResult,
  type CodeName,
  type DatasetDoc,
} from '#services/catalog/search_index'
import { changedDatasetsBetween, currentCatalogRevision } from '#services/catalog/catalog_revision'
import type { CatalogViewer } from '#services/catalog/catalog_viewer'

/*
 * The process-wide search index, kept in step with the catalog's change token. The catalog is
 * read far more than written (10 000 datasets, a few edits a day), so a search costs one
 * single-row read plus in-memory work. After a write, the next search replays the change chain
 * and reloads only the datasets it names; a taxonomy change or a broken chain rebuilds all.
 * Instances behind a balancer each keep their own copy and all see a write on their next request.
 */
class CatalogSearch {
  #current: { revision: string; index: CatalogSearchIndex } | null = null
  #pending: { revision: string; promise: Promise<CatalogSearchIndex> } | null = null

  async search(viewer: CatalogViewer, query: CatalogQuery): Promise<CatalogResult> {
    const index = await this.index()
    return index.search(viewer, query)
  }

  async index(client: QueryClientContract = db.connection()): Promise<CatalogSearchIndex> {
    // Read the token before the rows: a write landing meanwhile leaves the index labelled
    // older than its contents, so the next call refreshes again — never the other way round.
    const revision = await currentCatalogRevision(client)
    if (this.#current?.revision === revision) return this.#current.index
    if (this.#pending?.revision === revision) return this.#pending.promise
    const promise = this.#refresh(client, revision)
    this.#pending = { revision, promise }
    try {
      const index = await promise
      this.#current = { revision, index }
      return index
    } finally {
      if (this.#pending?.promise === promise) this.#pending = null
    }
  }

  async #refresh(client: QueryClientContract, revision: string): Promise<CatalogSearchIndex> {
    const current = this.#current
    if (current) {
      const changed = await changedDatasetsBetween(client, current.revision, revision)
      if (changed) {
        for (const doc of await loadDocs(client, changed)) current.index.upsert(doc)
        return current.index
      }
    }
    return new CatalogSearchIndex(await loadDocs(client))
  }
}

/** Search documents of all datasets, or of the given ones. */
export async function loadDocs(client: QueryClientContract, ids?: number[]): Promise<DatasetDoc[]> {
  const [rows, categories, subcategories, vocabulary, fields, tags] = await Promise.all([
    client
      .from('datasets as d')
      .join('organisations as o', 'o.id', 'd.provider_organisation_id')
      .select(
        'd.id',
        'd.code',
        'd.name_zh',
        'd.name_en',
        'd.description',
        'd.status',
        'd.is_open',
        'd.category_id',
        'd.subcategory_id',
        'd.grade',
        'd.sharing_attribute',
        'd.update_frequency',
        'd.format',
        'd.delivery_modes',
        'd.time_coverage_start',
        'd.time_coverage_end',
        'd.version',
        'd.updated_at',
        'o.code as provider_code',
        'o.name as provider_name',
        'o.name_en as provider_name_en'
      )
      .if(ids, (query) => query.whereIn('d.id', ids!))
      .orderBy('d.id'),
    client.from('catalog_categories').select('id', 'code', 'name_zh', 'name_en'),
    client.from('catalog_subcategories').select('id', 'code', 'name_zh', 'name_en'),
    client.from('catalog_tags').select('code', 'name_zh', 'name_en'),
    client
      .from('dataset_fields')
      .select('dataset_id', 'name', 'label_zh', 'label_en', 'description')
      .if(ids, (query) => query.whereIn('dataset_id', ids!))
      .orderBy('position'),
    client
      .from('dataset_tags')
      .select('dataset_id', 'kind', 'tag')
      .if(ids, (query) => query.whereIn('dataset_id', ids!))
      .orderBy('id'),
  ])
  const codeName = (row: any): CodeName => ({
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
  })
  const categoryById = new Map(categories.map((row: any) => [row.id, codeName(row)]))
  const subcategoryById = new Map(subcategories.map((row: any) => [row.id, codeName(row)]))
  const tagByCode = new Map(vocabulary.map((row: any) => [row.code, codeName(row)]))

  const docs = new Map<number, DatasetDoc>()
  for (const row of rows) {
    docs.set(row.id, {
      id: row.id,
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      description: row.description,
      status: row.status,
      isOpen: Boolean(row.is_open),
      category: categoryById.get(row.category_id)!,
      subcategory: subcategoryById.get(row.subcategory_id)!,
      provider: { code: row.provider_code, name: row.provider_name, nameEn: row.provider_name_en },
      grade: row.grade,
      sharingAttribute: row.sharing_attribute,
      updateFrequency: row.update_frequency,
      format: row.format,
      freeTags: [],
      controlledTags: [],
      deliveryModes: JSON.parse(row.delivery_modes),
      timeCoverageStart: row.time_coverage_start,
      timeCoverageEnd: row.time_coverage_end,
      version: row.version,
      updatedAt: toIso(row.updated_at),
      fields: [],
    })
  }
  for (const field of fields) {
    docs.get(field.dataset_id)?.fields.push({
      name: field.name,
      labelZh: field.label_zh,
      labelEn: field.label_en,
      description: field.description,
    })
  }
  for (const tag of tags) {
    const doc = docs.get(tag.dataset_id)
    if (!doc) continue
    if (tag.kind === 'controlled')
      doc.controlledTags.push(
        tagByCode.get(tag.tag) ?? { code: tag.tag, nameZh: tag.tag, nameEn: tag.tag }
      )
    else doc.freeTags.push(tag.tag)
  }
  return [...docs.values()]
}

/** SQLite returns timestamps as text (written by Lucid in the process zone), mysql2 as Date. */
function toIso(value: string | Date): string {
  if (value instanceof Date) return value.toISOString()
  return DateTime.fromSQL(value).toUTC().toISO()!
}

const catalogSearch = new CatalogSearch()
export default catalogSearch
