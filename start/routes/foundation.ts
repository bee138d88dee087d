/*
 * Foundation routes: health, OpenAPI, auth, users, organisations, audit.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const AuthController = () => import('#controllers/auth_controller')
const UsersController = () => import('#controllers/users_controller')
const OrganisationsController = () => import('#controllers/organisations_controller')
const AuditEventsController = () => import('#controllers/audit_events_controller')
const HealthController = () => import('#controllers/health_controller')
const OpenapiController = () => import('#controllers/openapi_controller')

router.get('/health', [HealthController, 'show']).as('health')
router.get('/api/openapi.json', [OpenapiController, 'show']).as('openapi')

router
  .group(() => {
    router.get('/auth/csrf', [AuthController, 'csrf']).as('auth.csrf')
    router.post('/auth/session', [AuthController, 'createSession']).as('auth.session.create')
    router.post('/auth/login', [AuthController, 'createToken']).as('auth.token.create')

    router
      .delete('/auth/session', [AuthController, 'destroySession'])
      .as('auth.session.destroy')
      .use(middleware.auth({ guards: ['web'] }))
    router
      .post('/auth/logout', [AuthController, 'destroyToken'])
      .as('auth.token.destroy')
      .use(middleware.auth({ guards: ['api'] }))

    router
      .group(() => {
        router.get('/me', [AuthController, 'me']).as('me')

        router.get('/admin/users', [UsersController, 'index']).as('admin.users.index')
        router.post('/admin/users', [UsersController, 'store']).as('admin.users.store')
        router
          .patch('/admin/users/:id', [UsersController, 'update'])
          .as('admin.users.update')
          .where('id', router.matchers.number())
        router
          .post('/admin/users/:id/unlock', [UsersController, 'unlock'])
          .as('admin.users.unlock')
          .where('id', router.matchers.number())

        router
          .get('/admin/organisations/tree', [OrganisationsController, 'tree'])
          .as('admin.organisations.tree')
        router
          .post('/admin/organisations', [OrganisationsController, 'store'])
          .as('admin.organisations.store')
        router
          .patch('/admin/organisations/:id', [OrganisationsController, 'update'])
          .as('admin.organisations.update')
          .where('id', router.matchers.number())

        router.get('/audit/events', [AuditEventsController, 'index']).as('audit.events.index')
        router.get('/audit/events.csv', [AuditEventsController, 'export']).as('audit.events.export')
        router.get('/audit/verify', [AuditEventsController, 'verify']).as('audit.verify')
      })
      .use(middleware.auth())
  })
  .prefix('/api/v1')
