/*
 * Routes, one file per domain under start/routes/. Controllers load lazily; every route is
 * named and every /api route is documented in app/openapi/paths (a test keeps them in step).
 * The SPA fallback comes last so it only catches what no API route matched.
 */
import router from '@adonisjs/core/services/router'
import '#start/routes/foundation'
import '#start/routes/catalog'
import '#start/routes/public_data'
import '#start/routes/requests'
import '#start/routes/process_admin'
import '#start/routes/notifications'
import '#start/routes/calendar'
import '#start/routes/quality'
import '#start/routes/mail_outbox'
import '#start/routes/delivery'
import '#start/routes/visual'
import '#start/routes/exports'
import '#start/routes/subscriptions'

const SpaController = () => import('#controllers/spa_controller')

router.get('*', [SpaController, 'show']).as('spa')
