/*
 * Catalog routes: taxonomy, controlled tags, dataset search/detail/history, and the catalog
 * admin's writes. Reads take optional credentials — anonymous callers see open data only.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { anonymousCatalogThrottle } from '#start/limiter'

const CatalogDatasetsController = () => import('#controllers/catalog_datasets_controller')
const CatalogTaxonomyController = () => import('#controllers/catalog_taxonomy_controller')
const CatalogScopeController = () => import('#controllers/catalog_scope_controller')

const id = router.matchers.number()

router
  .group(() => {
    router
      .group(() => {
        router.get('/taxonomy', [CatalogTaxonomyController, 'show']).as('catalog.taxonomy.show')
        router.get('/tags', [CatalogTaxonomyController, 'tags']).as('catalog.tags.index')
        router.get('/datasets', [CatalogDatasetsController, 'index']).as('catalog.datasets.index')
        router
          .get('/datasets/:id', [CatalogDatasetsController, 'show'])
          .as('catalog.datasets.show')
          .where('id', id)
      })
      .use([middleware.optionalAuth(), anonymousCatalogThrottle])

    router
      .group(() => {
        router
          .get('/datasets/:id/history', [CatalogDatasetsController, 'history'])
          .as('catalog.datasets.history')
          .where('id', id)
        router
          .get('/scope-options', [CatalogScopeController, 'options'])
          .as('catalog.scope_options')
        router
          .get('/scope-options/enterprises', [CatalogScopeController, 'enterprises'])
          .as('catalog.scope_options.enterprises')
        router.post('/datasets', [CatalogDatasetsController, 'store']).as('catalog.datasets.store')
        router
          .patch('/datasets/:id', [CatalogDatasetsController, 'update'])
          .as('catalog.datasets.update')
          .where('id', id)
        router
          .post('/datasets/:id/retire', [CatalogDatasetsController, 'retire'])
          .as('catalog.datasets.retire')
          .where('id', id)

        router
          .post('/categories', [CatalogTaxonomyController, 'storeCategory'])
          .as('catalog.categories.store')
        router
          .patch('/categories/:id', [CatalogTaxonomyController, 'updateCategory'])
          .as('catalog.categories.update')
          .where('id', id)
        router
          .delete('/categories/:id', [CatalogTaxonomyController, 'destroyCategory'])
          .as('catalog.categories.destroy')
          .where('id', id)
        router
          .post('/subcategories', [CatalogTaxonomyController, 'storeSubcategory'])
          .as('catalog.subcategories.store')
        router
          .patch('/subcategories/:id', [CatalogTaxonomyController, 'updateSubcategory'])
          .as('catalog.subcategories.update')
          .where('id', id)
        router
          .delete('/subcategories/:id', [CatalogTaxonomyController, 'destroySubcategory'])
          .as('catalog.subcategories.destroy')
          .where('id', id)
        router.post('/tags', [CatalogTaxonomyController, 'storeTag']).as('catalog.tags.store')
        router
          .patch('/tags/:id', [CatalogTaxonomyController, 'updateTag'])
          .as('catalog.tags.update')
          .where('id', id)
        router
          .delete('/tags/:id', [CatalogTaxonomyController, 'destroyTag'])
          .as('catalog.tags.destroy')
          .where('id', id)
      })
      .use(middleware.auth())
  })
  .prefix('/api/v1/catalog')
