import type CatalogCategory from '#models/catalog_category'
import type CatalogSubcategory from '#models/catalog_subcategory'
import type CatalogTag from '#models/catalog_tag'
import type { CatalogResult } from '#services/catalog/search_index'

export function transformTaxonomyNode(node: CatalogCategory | CatalogSubcategory) {
  return {
    id: node.id,
    code: node.code,
    nameZh: node.nameZh,
    nameEn: node.nameEn,
    sortOrder: node.sortOrder,
  }
}

/** Categories with their subcategories; counts are those the caller's own search facets give. */
export function transformTaxonomy(categories: CatalogCategory[], facets: CatalogResult['facets']) {
  const count = (facet: 'category' | 'subcategory', code: string) =>
    facets[facet]?.find((v) => v.value === code)?.count ?? 0
  return categories.map((category) => ({
    ...transformTaxonomyNode(category),
    datasetCount: count('category', category.code),
    subcategories: category.subcategories.map((sub) => ({
      ...transformTaxonomyNode(sub),
      datasetCount: count('subcategory', sub.code),
    })),
  }))
}

export function transformTag(tag: CatalogTag) {
  return { id: tag.id, code: tag.code, nameZh: tag.nameZh, nameEn: tag.nameEn }
}
