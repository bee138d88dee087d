/*
 * Delivery (交付): grants, API keys, the usage trail (session or bearer login) and the data API
 * (X-API-Key only; the key's grant is the authorisation, checked per call).
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const GrantsController = () => import('#controllers/grants_controller')
const ApiKeysController = () => import('#controllers/api_keys_controller')
const UsageController = () => import('#controllers/usage_controller')
const DataApiController = () => import('#controllers/data_api_controller')

const id = router.matchers.number()

router
  .group(() => {
    router.get('/grants', [GrantsController, 'index']).as('grants.index')
    router.get('/grants/:id', [GrantsController, 'show']).as('grants.show').where('id', id)
    for (const action of ['suspend', 'resume', 'revoke'] as const)
      router
        .post(`/grants/:id/${action}`, [GrantsController, action])
        .as(`grants.${action}`)
        .where('id', id)
    router.post('/grants/:id/quota', [GrantsController, 'quota']).as('grants.quota').where('id', id)

    router.post('/api-keys', [ApiKeysController, 'store']).as('api_keys.store')
    router.get('/api-keys', [ApiKeysController, 'index']).as('api_keys.index')
    router.get('/api-keys/:id', [ApiKeysController, 'show']).as('api_keys.show').where('id', id)
    router
      .post('/api-keys/:id/rotate', [ApiKeysController, 'rotate'])
      .as('api_keys.rotate')
      .where('id', id)
    router
      .post('/api-keys/:id/revoke', [ApiKeysController, 'revoke'])
      .as('api_keys.revoke')
      .where('id', id)

    router.get('/usage', [UsageController, 'index']).as('usage.index')
    router.get('/usage/stats', [UsageController, 'stats']).as('usage.stats')
  })
  .prefix('/api/v1')
  .use(middleware.auth())

router
  .get('/api/v1/data/:datasetCode/records', [DataApiController, 'records'])
  .as('data.records')
  .where('datasetCode', /^[A-Za-z0-9-]{1,64}$/)
