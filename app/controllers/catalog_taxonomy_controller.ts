import type { HttpContext } from '@adonisjs/core/http'
import CatalogCategory from '#models/catalog_category'
import CatalogTag from '#models/catalog_tag'
import CatalogPolicy from '#policies/catalog_policy'
import SaveTaxonomy from '#actions/catalog/save_taxonomy'
import catalogSearch from '#services/catalog/catalog_search'
import { viewerFromContext } from '#services/catalog/catalog_viewer'
import { actorFromContext } from '#services/audit/audit_log'
import { routeId, validateBody } from '#validators/strict'
import {
  CREATE_CATEGORY_FIELDS,
  CREATE_SUBCATEGORY_FIELDS,
  CREATE_TAG_FIELDS,
  UPDATE_TAG_FIELDS,
  UPDATE_TAXONOMY_FIELDS,
  createCategoryValidator,
  createSubcategoryValidator,
  createTagValidator,
  updateTagValidator,
  updateTaxonomyValidator,
} from '#validators/catalog'
import {
  transformTag,
  transformTaxonomy,
  transformTaxonomyNode,
} from '#transformers/taxonomy_transformer'

export default class CatalogTaxonomyController {
  /** The category tree, each node with the number of datasets this caller can see in it. */
  async show(ctx: HttpContext) {
    const viewer = await viewerFromContext(ctx)
    const [categories, result] = await Promise.all([
      CatalogCategory.query()
        .preload('subcategories', (q) => q.orderBy('sortOrder').orderBy('id'))
        .orderBy('sortOrder')
        .orderBy('id'),
      catalogSearch.search(viewer, { perPage: 1 }),
    ])
    return { data: transformTaxonomy(categories, result.facets) }
  }

  async tags() {
    const tags = await CatalogTag.query().orderBy('code')
    return { data: tags.map(transformTag) }
  }

  async storeCategory(ctx: HttpContext) {
    await ctx.bouncer.with(CatalogPolicy).authorize('manage')
    const input = await validateBody(ctx, createCategoryValidator, CREATE_CATEGORY_FIELDS)
    return ctx.response.created({
      data: transformTaxonomyNode(
        await new SaveTaxonomy().createCategory(input, actorFromContext(ctx))
      ),
    })
  }

  async updateCategory(ctx: HttpContext) {
    await ctx.bouncer.with(CatalogPolicy).authorize('manage')
    const input = await validateBody(ctx, updateTaxonomyValidator, UPDATE_TAXONOMY_FIELDS)
    return {
      data: transformTaxonomyNode(
        await new SaveTaxonomy().updateCategory(routeId(ctx), input, actorFromContext(ctx))
      ),
    }
  }

  async destroyCategory(ctx: HttpContext) {
    await ctx.bouncer.with(CatalogPolicy).authorize('manage')
    await new SaveTaxonomy().deleteCategory(routeId(ctx), actorFromContext(ctx))
    return ctx.response.noContent()
  }

  async storeSubcategory(ctx: HttpContext) {
    await ctx.bouncer.with(CatalogPolicy).authorize('manage')
    const input = await validateBody(ctx, createSubcategoryValidator, CREATE_SUBCATEGORY_FIELDS)
    return ctx.response.created({
      data: transformTaxonomyNode(
        await new SaveTaxonomy().createSubcategory(input, actorFromContext(ctx))
      ),
    })
  }

  async updateSubcategory(ctx: HttpContext) {
    await ctx.bouncer.with(CatalogPolicy).authorize('manage')
    const input = await validateBody(ctx, updateTaxonomyValidator, UPDATE_TAXONOMY_FIELDS)
    return {
      data: transformTaxonomyNode(
        await new SaveTaxonomy().updateSubcategory(routeId(ctx), input, actorFromContext(ctx))
      ),
    }
  }

  async destroySubcategory(ctx: HttpContext) {
    await ctx.bouncer.with(CatalogPolicy).authorize('manage')
    await new SaveTaxonomy().deleteSubcategory(routeId(ctx), actorFromContext(ctx))
    return ctx.response.noContent()
  }

  async storeTag(ctx: HttpContext) {
    await ctx.bouncer.with(CatalogPolicy).authorize('manage')
    const input = await validateBody(ctx, createTagValidator, CREATE_TAG_FIELDS)
    return ctx.response.created({
      data: transformTag(await new SaveTaxonomy().createTag(input, actorFromContext(ctx))),
    })
  }

  async updateTag(ctx: HttpContext) {
    await ctx.bouncer.with(CatalogPolicy).authorize('manage')
    const input = await validateBody(ctx, updateTagValidator, UPDATE_TAG_FIELDS)
    return {
      data: transformTag(
        await new SaveTaxonomy().updateTag(routeId(ctx), input, actorFromContext(ctx))
      ),
    }
  }

  async destroyTag(ctx: HttpContext) {
    await ctx.bouncer.with(CatalogPolicy).authorize('manage')
    await new SaveTaxonomy().deleteTag(routeId(ctx), actorFromContext(ctx))
    return ctx.response.noContent()
  }
}
