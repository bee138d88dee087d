/*
 * Data quality rectification cases (质量整改).
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const QualityCasesController = () => import('#controllers/quality_cases_controller')

router
  .group(() => {
    router.post('/quality/cases', [QualityCasesController, 'store']).as('quality.cases.store')
    router.get('/quality/cases', [QualityCasesController, 'index']).as('quality.cases.index')
    router
      .get('/quality/cases/:code', [QualityCasesController, 'show'])
      .as('quality.cases.show')
      .where('code', /^QC-\d{8}-[0-9A-F]{8}$/)
  })
  .prefix('/api/v1')
  .use(middleware.auth())
