/*
 * 邮件发送队列: queued e-mails and the retry of failed ones (process admins).
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const MailOutboxController = () => import('#controllers/mail_outbox_controller')

router
  .group(() => {
    router.get('/', [MailOutboxController, 'index']).as('mail_outbox.index')
    router
      .post('/:id/retry', [MailOutboxController, 'retry'])
      .as('mail_outbox.retry')
      .where('id', /^\d{1,12}$/)
  })
  .prefix('/api/v1/process-admin/mail-outbox')
  .use(middleware.auth())
