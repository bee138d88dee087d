/*
 * Visual query (可视化查询): chart aggregates and map points over a grant, for its holder
 * logged in (session or bearer); the grant is named by `grantId` and checked per call.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const VisualQueryController = () => import('#controllers/visual_query_controller')
const datasetCode = /^[A-Za-z0-9-]{1,64}$/

router
  .group(() => {
    router
      .get('/visual/:datasetCode/aggregate', [VisualQueryController, 'aggregate'])
      .as('visual.aggregate')
      .where('datasetCode', datasetCode)
    router
      .get('/visual/:datasetCode/geojson', [VisualQueryController, 'geojson'])
      .as('visual.geojson')
      .where('datasetCode', datasetCode)
  })
  .prefix('/api/v1')
  .use(middleware.auth())
