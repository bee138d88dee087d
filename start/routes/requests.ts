/*
 * Data requests (申请) and the reviewer inbox (待办).
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const RequestsController = () => import('#controllers/requests_controller')
const InboxController = () => import('#controllers/inbox_controller')

const REQUEST_CODE = /^REQ-\d{8}-[0-9A-F]{8}$/

router
  .group(() => {
    router.post('/requests', [RequestsController, 'store']).as('requests.store')
    router.get('/requests', [RequestsController, 'index']).as('requests.index')
    router
      .get('/requests/:code', [RequestsController, 'show'])
      .as('requests.show')
      .where('code', REQUEST_CODE)
    router
      .post('/requests/:code/withdraw', [RequestsController, 'withdraw'])
      .as('requests.withdraw')
      .where('code', REQUEST_CODE)
    router
      .post('/requests/:code/cancel', [RequestsController, 'cancel'])
      .as('requests.cancel')
      .where('code', REQUEST_CODE)

    router.get('/inbox/todo', [InboxController, 'todo']).as('inbox.todo')
    router.get('/inbox/tasks/:id', [InboxController, 'show']).as('inbox.tasks.show')
    router.post('/inbox/tasks/:id/decision', [InboxController, 'decide']).as('inbox.tasks.decide')
  })
  .prefix('/api/v1')
  .use(middleware.auth())
