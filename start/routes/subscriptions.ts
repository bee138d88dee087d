/*
 * Push subscriptions (webhooks) of the signed-in grant holder; the dispatcher
 * (start/subscriptions.ts) sends the records.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SubscriptionsController = () => import('#controllers/subscriptions_controller')

const id = router.matchers.number()

router
  .group(() => {
    router.post('/subscriptions', [SubscriptionsController, 'store']).as('subscriptions.store')
    router.get('/subscriptions', [SubscriptionsController, 'index']).as('subscriptions.index')
    router
      .get('/subscriptions/:id', [SubscriptionsController, 'show'])
      .as('subscriptions.show')
      .where('id', id)
    router
      .delete('/subscriptions/:id', [SubscriptionsController, 'destroy'])
      .as('subscriptions.destroy')
      .where('id', id)
    router
      .get('/subscriptions/:id/deliveries', [SubscriptionsController, 'deliveries'])
      .as('subscriptions.deliveries')
      .where('id', id)
    for (const action of ['pause', 'resume', 'rotate'] as const)
      router
        .post(`/subscriptions/:id/${action}`, [SubscriptionsController, action])
        .as(`subscriptions.${action}`)
        .where('id', id)
  })
  .prefix('/api/v1')
  .use(middleware.auth())
