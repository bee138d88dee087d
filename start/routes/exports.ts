/*
 * File exports (导出): asynchronous jobs over the caller's grants, short-lived signed downloads.
 * The download also needs the owner's session or token: the link alone is not enough.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ExportsController = () => import('#controllers/exports_controller')

const id = router.matchers.number()

router
  .group(() => {
    router.post('/exports', [ExportsController, 'store']).as('exports.store')
    router.get('/exports', [ExportsController, 'index']).as('exports.index')
    router.get('/exports/:id', [ExportsController, 'show']).as('exports.show').where('id', id)
    for (const action of ['cancel', 'retry', 'link'] as const)
      router
        .post(`/exports/:id/${action}`, [ExportsController, action])
        .as(`exports.${action}`)
        .where('id', id)
    router
      .get('/exports/:id/download', [ExportsController, 'download'])
      .as('exports.download')
      .where('id', id)
  })
  .prefix('/api/v1')
  .use(middleware.auth())
