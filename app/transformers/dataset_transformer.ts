import type Dataset from '#models/dataset'
import type DatasetRevision from '#models/dataset_revision'
import type CatalogTag from '#models/catalog_tag'
import type { DatasetDoc, CatalogResult } from '#services/catalog/search_index'
import type { DatasetSample } from '#services/catalog/dataset_samples'
import type { ViewerKind } from '#services/catalog/catalog_viewer'
import { decryptPersonal, maskPhone } from '#services/personal_data'

const codeName = (node: { code: string; nameZh: string; nameEn: string }) => ({
  code: node.code,
  nameZh: node.nameZh,
  nameEn: node.nameEn,
})

/** A search hit: enough to render a result card; the schema and samples come with the detail. */
export function transformDatasetSummary(doc: DatasetDoc) {
  return {
    id: doc.id,
    code: doc.code,
    nameZh: doc.nameZh,
    nameEn: doc.nameEn,
    description:
      doc.description.length > 200 ? `${doc.description.slice(0, 200)}…` : doc.description,
    category: codeName(doc.category),
    subcategory: codeName(doc.subcategory),
    provider: { code: doc.provider.code, name: doc.provider.name, nameEn: doc.provider.nameEn },
    grade: doc.grade,
    sharingAttribute: doc.sharingAttribute,
    isOpen: doc.isOpen,
    status: doc.status,
    updateFrequency: doc.updateFrequency,
    format: doc.format,
    deliveryModes: doc.deliveryModes,
    freeTags: doc.freeTags,
    controlledTags: doc.controlledTags.map(codeName),
    timeCoverage: { start: doc.timeCoverageStart, end: doc.timeCoverageEnd },
    version: doc.version,
    updatedAt: doc.updatedAt,
  }
}

export function transformSearchResult(result: CatalogResult) {
  return {
    data: result.items.map(transformDatasetSummary),
    meta: {
      total: result.total,
      perPage: result.perPage,
      currentPage: result.page,
      lastPage: Math.max(1, Math.ceil(result.total / result.perPage)),
    },
    facets: result.facets,
  }
}

/**
 * The full record. Requires category, subcategory, provider, fields and tags preloaded.
 * The public sees a masked contact phone; store and product internals are for admins.
 */
export function transformDatasetDetail(
  dataset: Dataset,
  vocabulary: CatalogTag[],
  viewer: ViewerKind,
  sample: DatasetSample | null
) {
  const tagNames = new Map(vocabulary.map((tag) => [tag.code, tag]))
  const phone = decryptPersonal(dataset.contactPhoneEncrypted)
  return {
    id: dataset.id,
    code: dataset.code,
    nameZh: dataset.nameZh,
    nameEn: dataset.nameEn,
    description: dataset.description,
    category: codeName(dataset.category),
    subcategory: codeName(dataset.subcategory),
    provider: {
      code: dataset.provider.code,
      name: dataset.provider.name,
      nameEn: dataset.provider.nameEn,
    },
    sourceSystem: dataset.sourceSystem,
    format: dataset.format,
    updateFrequency: dataset.updateFrequency,
    timeCoverage: { start: dataset.timeCoverageStart, end: dataset.timeCoverageEnd },
    spatialCoverage: dataset.spatialCoverage,
    sharingAttribute: dataset.sharingAttribute,
    legalBasis: dataset.legalBasis,
    grade: dataset.grade,
    secrecyLabel: dataset.secrecyLabel,
    isOpen: dataset.isOpen,
    deliveryModes: dataset.deliveryModes,
    freeTags: dataset.tags.filter((t) => t.kind === 'free').map((t) => t.tag),
    controlledTags: dataset.tags
      .filter((t) => t.kind === 'controlled')
      .map((t) => {
        const term = tagNames.get(t.tag)
        return { code: t.tag, nameZh: term?.nameZh ?? t.tag, nameEn: term?.nameEn ?? t.tag }
      }),
    fields: dataset.fields.map((f) => ({
      name: f.name,
      labelZh: f.labelZh,
      labelEn: f.labelEn,
      type: f.type,
      unit: f.unit,
      description: f.description,
      sensitive: f.isSensitive,
      filterable: f.isFilterable,
    })),
    contact: {
      name: dataset.contactName,
      phone: viewer === 'public' ? maskPhone(phone) : phone,
      email: dataset.contactEmail,
    },
    product: dataset.productPreviewKey ? { previewKey: dataset.productPreviewKey } : null,
    ...(viewer === 'admin' ? { storeTable: dataset.storeTable } : {}),
    status: dataset.status,
    version: dataset.version,
    createdAt: dataset.createdAt.toISO(),
    updatedAt: dataset.updatedAt.toISO(),
    sample,
  }
}

export function transformRevision(revision: DatasetRevision) {
  return {
    version: revision.version,
    action: revision.action,
    actor: revision.actorUsername,
    changedAt: revision.changedAt.toISO(),
    changes: revision.changes,
  }
}
