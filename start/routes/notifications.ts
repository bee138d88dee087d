/*
 * 站内消息: the signed-in user's own notifications.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const NotificationsController = () => import('#controllers/notifications_controller')

router
  .group(() => {
    router.get('/', [NotificationsController, 'index']).as('notifications.index')
    router
      .get('/unread-count', [NotificationsController, 'unreadCount'])
      .as('notifications.unread_count')
    router.post('/read-all', [NotificationsController, 'readAll']).as('notifications.read_all')
    router
      .post('/:id/read', [NotificationsController, 'read'])
      .as('notifications.read')
      .where('id', /^\d{1,12}$/)
  })
  .prefix('/api/v1/notifications')
  .use(middleware.auth())
