import type { HttpContext } from '@adonisjs/core/http'
import { appUrl } from '#config/app'
import { dcatCatalog } from '#services/catalog/dcat_export'

export default class PublicCatalogController {
  /** DCAT-AP JSON-LD of the open catalog (harvested by CKAN and national portals). */
  async dcat(ctx: HttpContext) {
    const document = await dcatCatalog(appUrl.replace(/\/$/, ''))
    ctx.response.header('Content-Type', 'application/ld+json; charset=utf-8')
    ctx.response.header('Cache-Control', 'public, max-age=300')
    return ctx.response.send(JSON.stringify(document))
  }
}
