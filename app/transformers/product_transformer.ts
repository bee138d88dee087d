import type { StoreDataset } from '#services/stores/store_definition'
import { publicFields } from '#services/products/product_catalog'

/** A public data product as the open API lists it: metadata and its public schema only. */
export function transformProduct(product: StoreDataset, recordCount: number) {
  return {
    code: product.code,
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    description: product.description,
    categoryCode: product.categoryCode,
    subcategoryCode: product.subcategoryCode,
    providerCode: product.providerCode,
    updateFrequency: product.updateFrequency,
    timeField: product.layout.timeField ?? null,
    recordCount,
    fields: publicFields(product).map((field) => ({
      name: field.name,
      labelZh: field.labelZh,
      labelEn: field.labelEn,
      type: field.type,
      unit: field.unit ?? null,
      filterable: field.filterable ?? false,
    })),
  }
}
