/*
 * Public data supermarket (no login): the open products, their previews and records.
 * Rate-limited per client IP.
 */
import router from '@adonisjs/core/services/router'
import { publicThrottle } from '#start/limiter'

const PublicProductsController = () => import('#controllers/public_products_controller')
const PublicCatalogController = () => import('#controllers/public_catalog_controller')

router
  .group(() => {
    router.get('/catalog.jsonld', [PublicCatalogController, 'dcat']).as('public.catalog.dcat')
    router.get('/products', [PublicProductsController, 'index']).as('public.products.index')
    router
      .get('/products/:code/preview', [PublicProductsController, 'preview'])
      .as('public.products.preview')
    router
      .get('/products/:code/records', [PublicProductsController, 'records'])
      .as('public.products.records')
  })
  .prefix('/api/v1/public')
  .use(publicThrottle)
