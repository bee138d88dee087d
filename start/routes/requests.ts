/*
 * Data requests (申请) and the reviewer inbox (待办).
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const RequestsController = () => import('#controllers/requests_controller')
const InboxController = () => import('#controllers/inbox_controller')
const TaskOperationsController = () => import('#controllers/task_operations_controller')

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

    router
      .get('/requests/:code/route', [RequestsController, 'route'])
      .as('requests.route')
      .where('code', REQUEST_CODE)
    router
      .post('/requests/:code/amend', [RequestsController, 'amend'])
      .as('requests.amend')
      .where('code', REQUEST_CODE)
    router
      .post('/requests/:code/urge', [RequestsController, 'urge'])
      .as('requests.urge')
      .where('code', REQUEST_CODE)

    router.get('/inbox/todo', [InboxController, 'todo']).as('inbox.todo')
    router.get('/inbox/done', [InboxController, 'done']).as('inbox.done')
    router.get('/inbox/cc', [InboxController, 'cc']).as('inbox.cc')
    router.get('/inbox/started', [InboxController, 'started']).as('inbox.started')
    router.get('/inbox/counts', [InboxController, 'counts']).as('inbox.counts')
    router.get('/inbox/people', [InboxController, 'people']).as('inbox.people')
    router.get('/inbox/tasks/:id', [InboxController, 'show']).as('inbox.tasks.show')
    router.post('/inbox/tasks/:id/decision', [InboxController, 'decide']).as('inbox.tasks.decide')

    const ops = TaskOperationsController
    router.post('/inbox/tasks/:id/transfer', [ops, 'transfer']).as('inbox.tasks.transfer')
    router.post('/inbox/tasks/:id/delegate', [ops, 'delegate']).as('inbox.tasks.delegate')
    router.post('/inbox/tasks/:id/resolve', [ops, 'resolve']).as('inbox.tasks.resolve')
    router.post('/inbox/tasks/:id/signoffs', [ops, 'addSignoffs']).as('inbox.signoffs.store')
    router
      .delete('/inbox/tasks/:id/signoffs/:signoffId', [ops, 'removeSignoff'])
      .as('inbox.signoffs.destroy')
      .where('signoffId', router.matchers.number())
    router
      .post('/inbox/signoffs/:signoffId/decision', [ops, 'decideSignoff'])
      .as('inbox.signoffs.decide')
      .where('signoffId', router.matchers.number())
    router.post('/inbox/tasks/:id/cc', [ops, 'cc']).as('inbox.tasks.cc')
    router.post('/inbox/tasks/:id/submit', [ops, 'submit']).as('inbox.tasks.submit')
    router.post('/inbox/tasks/:id/withdraw', [ops, 'withdraw']).as('inbox.tasks.withdraw')
  })
  .prefix('/api/v1')
  .use(middleware.auth())
