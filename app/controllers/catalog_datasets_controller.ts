import type { HttpContext } from '@adonisjs/core/http'
import Dataset from '#models/dataset'
import DatasetRevision from '#models/dataset_revision'
import CatalogTag from '#models/catalog_tag'
import CatalogPolicy from '#policies/catalog_policy'
import SaveDataset from '#actions/catalog/save_dataset'
import AppException from '#exceptions/app_exception'
import catalogSearch from '#services/catalog/catalog_search'
import { datasetSample } from '#services/catalog/dataset_samples'
import {
  canSeeDataset,
  viewerFromContext,
  type CatalogViewer,
} from '#services/catalog/catalog_viewer'
import { actorFromContext } from '#services/audit/audit_log'
import { routeId, validateBody, validateQuery } from '#validators/strict'
import {
  CREATE_DATASET_FIELDS,
  DATASET_HISTORY_FIELDS,
  RETIRE_DATASET_FIELDS,
  SEARCH_DATASET_FIELDS,
  UPDATE_DATASET_FIELDS,
  createDatasetValidator,
  datasetHistoryValidator,
  normaliseFacetParams,
  retireDatasetValidator,
  searchDatasetValidator,
  updateDatasetValidator,
} from '#validators/catalog'
import {
  transformDatasetDetail,
  transformRevision,
  transformSearchResult,
} from '#transformers/dataset_transformer'
import { paginationMeta } from '#transformers/pagination'

export default class CatalogDatasetsController {
  /** Search with filters, facets, sort and paging; anonymous callers see open datasets only. */
  async index(ctx: HttpContext) {
    const viewer = await viewerFromContext(ctx)
    const { q, sort, page, perPage, ...filters } = await validateQuery(
      ctx,
      searchDatasetValidator,
      SEARCH_DATASET_FIELDS,
      normaliseFacetParams
    )
    const result = await catalogSearch.search(viewer, { q, sort, page, perPage, filters })
    return transformSearchResult(result)
  }

  async show(ctx: HttpContext) {
    const viewer = await viewerFromContext(ctx)
    const dataset = await this.#visible(routeId(ctx), viewer)
    const [sample, vocabulary] = await Promise.all([
      datasetSample(dataset.storeTable, dataset.fields, viewer.kind),
      CatalogTag.all(),
    ])
    return { data: transformDatasetDetail(dataset, vocabulary, viewer.kind, sample) }
  }

  async history(ctx: HttpContext) {
    await ctx.bouncer.with(CatalogPolicy).authorize('readHistory')
    const viewer = await viewerFromContext(ctx)
    const dataset = await this.#visible(routeId(ctx), viewer)
    const { page = 1, perPage = 20 } = await validateQuery(
      ctx,
      datasetHistoryValidator,
      DATASET_HISTORY_FIELDS
    )
    const revisions = await DatasetRevision.query()
      .where('datasetId', dataset.id)
      .orderBy('version', 'desc')
      .paginate(page, perPage)
    return { data: revisions.all().map(transformRevision), meta: paginationMeta(revisions) }
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(CatalogPolicy).authorize('manage')
    const input = await validateBody(ctx, createDatasetValidator, CREATE_DATASET_FIELDS)
    const saved = await new SaveDataset().create(input, actorFromContext(ctx))
    return ctx.response.created(await this.#detail(saved.id))
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(CatalogPolicy).authorize('manage')
    const input = await validateBody(ctx, updateDatasetValidator, UPDATE_DATASET_FIELDS)
    const saved = await new SaveDataset().update(routeId(ctx), input, actorFromContext(ctx))
    return this.#detail(saved.id)
  }

  /** Retires (never deletes): grants and history keep pointing at it. */
  async retire(ctx: HttpContext) {
    await ctx.bouncer.with(CatalogPolicy).authorize('manage')
    const input = await validateBody(ctx, retireDatasetValidator, RETIRE_DATASET_FIELDS)
    const saved = await new SaveDataset().retire(
      routeId(ctx),
      input.version,
      input.reason,
      actorFromContext(ctx)
    )
    return this.#detail(saved.id)
  }

  /** Invisible and missing look the same (404), so ids reveal nothing. */
  async #visible(id: number, viewer: CatalogViewer) {
    const dataset = await Dataset.query()
      .where('id', id)
      .preload('category')
      .preload('subcategory')
      .preload('provider')
      .preload('fields', (q) => q.orderBy('position'))
      .preload('tags', (q) => q.orderBy('id'))
      .first()
    if (!dataset || !canSeeDataset(viewer, dataset)) throw new AppException('E_NOT_FOUND', 404)
    return dataset
  }

  async #detail(id: number) {
    const dataset = await this.#visible(id, { kind: 'admin', userId: null, organisationId: null })
    return { data: transformDatasetDetail(dataset, await CatalogTag.all(), 'admin', null) }
  }
}
