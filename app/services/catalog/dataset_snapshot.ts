import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DatasetDefinition } from '#services/catalog/dataset_definition'
import type { FieldChanges } from '#models/dataset_revision'
import type { DatasetStatus } from '#models/dataset'
import { decryptPersonal, maskPhone } from '#services/personal_data'

/*
 * A dataset's metadata as one plain value (the DatasetDefinition shape, every optional part
 * filled in), so two versions can be compared key by key and stored in dataset_revisions.
 */
export type DatasetSnapshot = Required<Omit<DatasetDefinition, 'fields' | 'contact' | 'status'>> & {
  fields: Required<DatasetDefinition['fields'][number]>[]
  contact: { name: string; phone: string | null; email: string | null }
  status: DatasetStatus
}

export function normaliseDefinition(
  def: Omit<DatasetDefinition, 'status'> & { status?: DatasetStatus }
): DatasetSnapshot {
  return {
    code: def.code,
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    description: def.description,
    categoryCode: def.categoryCode,
    subcategoryCode: def.subcategoryCode,
    providerCode: def.providerCode,
    sourceSystem: def.sourceSystem,
    format: def.format,
    updateFrequency: def.updateFrequency,
    timeCoverageStart: def.timeCoverageStart ?? null,
    timeCoverageEnd: def.timeCoverageEnd ?? null,
    spatialCoverage: [...def.spatialCoverage],
    fields: def.fields.map((f) => ({
      name: f.name,
      labelZh: f.labelZh,
      labelEn: f.labelEn,
      type: f.type,
      unit: f.unit ?? null,
      description: f.description ?? null,
      sensitive: f.sensitive ?? false,
      filterable: f.filterable ?? false,
    })),
    sharingAttribute: def.sharingAttribute,
    legalBasis: def.legalBasis ?? null,
    grade: def.grade,
    secrecyLabel: def.secrecyLabel ?? null,
    isOpen: def.isOpen,
    deliveryModes: [...def.deliveryModes],
    freeTags: [...def.freeTags],
    controlledTags: [...def.controlledTags],
    contact: {
      name: def.contact.name,
      phone: def.contact.phone ?? null,
      email: def.contact.email ?? null,
    },
    storeTable: def.storeTable ?? null,
    product: def.product ?? null,
    status: def.status ?? 'published',
  }
}

/** The stored metadata of one dataset, or null when there is no such dataset. */
export async function loadSnapshot(
  client: QueryClientContract,
  datasetId: number
): Promise<DatasetSnapshot | null> {
  const row = await client
    .from('datasets as d')
    .join('catalog_categories as c', 'c.id', 'd.category_id')
    .join('catalog_subcategories as s', 's.id', 'd.subcategory_id')
    .join('organisations as o', 'o.id', 'd.provider_organisation_id')
    .where('d.id', datasetId)
    .select(
      'd.*',
      'c.code as category_code',
      's.code as subcategory_code',
      'o.code as provider_code'
    )
    .first()
  if (!row) return null
  const fields = await client
    .from('dataset_fields')
    .where('dataset_id', datasetId)
    .orderBy('position')
  const tags = await client.from('dataset_tags').where('dataset_id', datasetId).orderBy('id')
  return normaliseDefinition({
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    description: row.description,
    categoryCode: row.category_code,
    subcategoryCode: row.subcategory_code,
    providerCode: row.provider_code,
    sourceSystem: row.source_system,
    format: row.format,
    updateFrequency: row.update_frequency,
    timeCoverageStart: row.time_coverage_start,
    timeCoverageEnd: row.time_coverage_end,
    spatialCoverage: JSON.parse(row.spatial_coverage),
    fields: fields.map((f: any) => ({
      name: f.name,
      labelZh: f.label_zh,
      labelEn: f.label_en,
      type: f.type,
      unit: f.unit,
      description: f.description,
      sensitive: Boolean(f.is_sensitive),
      filterable: Boolean(f.is_filterable),
    })),
    sharingAttribute: row.sharing_attribute,
    legalBasis: row.legal_basis,
    grade: row.grade,
    secrecyLabel: row.secrecy_label,
    isOpen: Boolean(row.is_open),
    deliveryModes: JSON.parse(row.delivery_modes),
    freeTags: tags.filter((t: any) => t.kind === 'free').map((t: any) => t.tag),
    controlledTags: tags.filter((t: any) => t.kind === 'controlled').map((t: any) => t.tag),
    contact: {
      name: row.contact_name,
      phone: decryptPersonal(row.contact_phone_encrypted),
      email: row.contact_email,
    },
    storeTable: row.store_table,
    product: row.product_preview_key ? { previewKey: row.product_preview_key } : null,
    status: row.status,
  })
}

/** Keys whose value differs, with both values; a phone number is recorded masked. */
export function diffSnapshots(
  before: DatasetSnapshot | null,
  after: DatasetSnapshot
): FieldChanges {
  const changes: FieldChanges = {}
  for (const key of Object.keys(after) as (keyof DatasetSnapshot)[]) {
    const from = before ? before[key] : null
    if (JSON.stringify(from) === JSON.stringify(after[key])) continue
    changes[key] =
      key === 'contact'
        ? {
            from: maskContact(from as DatasetSnapshot['contact'] | null),
            to: maskContact(after.contact),
          }
        : { from, to: after[key] }
  }
  return changes
}

export function maskContact(contact: DatasetSnapshot['contact'] | null) {
  return contact ? { ...contact, phone: maskPhone(contact.phone) } : null
}

/** What dataset_revisions keeps of a version: everything, the phone masked. */
export function storableSnapshot(snapshot: DatasetSnapshot): Record<string, unknown> {
  return { ...snapshot, contact: maskContact(snapshot.contact) }
}
