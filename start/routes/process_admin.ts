/*
 * 流程管理: process definitions, versions and incidents (process admins only).
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ProcessAdminController = () => import('#controllers/process_admin_controller')

// Embedded ids are numbers; Operaton's are UUIDs and `key:version:uuid` definition ids.
const ENGINE_ID = /^[\w.:-]{1,128}$/

router
  .group(() => {
    router
      .get('/definitions', [ProcessAdminController, 'definitions'])
      .as('process_admin.definitions')
    router.post('/definitions', [ProcessAdminController, 'deploy']).as('process_admin.deploy')
    router
      .get('/definitions/:id', [ProcessAdminController, 'showDefinition'])
      .as('process_admin.definitions.show')
      .where('id', ENGINE_ID)
    router.get('/incidents', [ProcessAdminController, 'incidents']).as('process_admin.incidents')
    router
      .post('/incidents/:id/retry', [ProcessAdminController, 'retry'])
      .as('process_admin.incidents.retry')
      .where('id', ENGINE_ID)
  })
  .prefix('/api/v1/process-admin')
  .use(middleware.auth())
