import type { HttpContext } from '@adonisjs/core/http'
import {
  findPublishedProduct,
  openRowCount,
  publishedProducts,
} from '#services/products/product_catalog'
import { PREVIEWS } from '#services/products/previews/index'
import { findRecords, parseRecordQuery } from '#services/products/record_query'
import { transformProduct } from '#transformers/product_transformer'
import { paginationMeta } from '#transformers/pagination'
import { validateQuery } from '#validators/strict'
import { listProductsValidator, LIST_PRODUCT_FIELDS } from '#validators/public_data'

/*
 * The data supermarket's open API (no login, rate-limited per IP). Only rows labelled
 * open + public are ever read, in counts as much as in records and previews.
 */
export default class PublicProductsController {
  async index(ctx: HttpContext) {
    const { page = 1, perPage = 20 } = await validateQuery(
      ctx,
      listProductsValidator,
      LIST_PRODUCT_FIELDS
    )
    const products = await publishedProducts()
    const slice = products.slice((page - 1) * perPage, page * perPage)
    const data = []
    for (const product of slice)
      data.push(transformProduct(product, await openRowCount(product.storeTable)))
    const total = products.length
    return {
      data,
      meta: paginationMeta({
        total,
        perPage,
        currentPage: page,
        lastPage: Math.max(1, Math.ceil(total / perPage)),
      }),
    }
  }

  async preview(ctx: HttpContext) {
    const product = await findPublishedProduct(ctx.params.code)
    const preview = await PREVIEWS[product.product!.previewKey]()
    return { data: { code: product.code, nameZh: product.nameZh, nameEn: product.nameEn, preview } }
  }

  async records(ctx: HttpContext) {
    const product = await findPublishedProduct(ctx.params.code)
    const query = parseRecordQuery(product, ctx.request.qs())
    const { rows, meta } = await findRecords(product, query)
    return { data: rows, meta }
  }
}
