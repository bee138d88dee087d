/*
 * Web server only: pushes new records to webhooks every SUBSCRIPTION_POLL_SECONDS. Every
 * instance runs the loop; the dispatcher's lock lets one pass run at a time across them.
 */
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { subscriptionDefaults } from '#config/delivery'
import { SubscriptionDispatcher } from '#services/subscriptions/dispatcher'

const dispatcher = new SubscriptionDispatcher()
let pass: Promise<unknown> | undefined

const loop = setInterval(() => {
  pass ??= dispatcher
    .runPass()
    .catch((error) => logger.error({ err: error }, 'subscription pass failed'))
    .finally(() => {
      pass = undefined
    })
}, subscriptionDefaults.pollSeconds * 1000)

app.terminating(async () => {
  clearInterval(loop)
  await pass
})
