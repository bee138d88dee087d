import type { HttpContext } from '@adonisjs/core/http'
import { viewerFromContext } from '#services/catalog/catalog_viewer'
import { scopeOptions, searchEnterprises } from '#services/catalog/scope_options'
import { validateQuery } from '#validators/strict'
import {
  SCOPE_ENTERPRISES_FIELDS,
  SCOPE_OPTIONS_FIELDS,
  scopeEnterprisesValidator,
  scopeOptionsValidator,
} from '#validators/catalog'

/** The request form's row-scope editor: which dimensions apply, and the codes to pick from. */
export default class CatalogScopeController {
  async options(ctx: HttpContext) {
    const { datasets } = await validateQuery(ctx, scopeOptionsValidator, SCOPE_OPTIONS_FIELDS)
    return { data: await scopeOptions(datasets.split(','), await viewerFromContext(ctx)) }
  }

  async enterprises(ctx: HttpContext) {
    const query = await validateQuery(ctx, scopeEnterprisesValidator, SCOPE_ENTERPRISES_FIELDS)
    const page = query.page ?? 1
    const perPage = query.perPage ?? 20
    const { rows, total } = await searchEnterprises(
      await viewerFromContext(ctx),
      query.q,
      page,
      perPage
    )
    return {
      data: rows,
      meta: {
        total,
        perPage,
        currentPage: page,
        lastPage: Math.max(1, Math.ceil(total / perPage)),
      },
    }
  }
}
