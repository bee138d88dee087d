/*
 * Web server only: drives the embedded engine in the background — starts what the outbox
 * holds, fires due timers, runs external-task topics, and keeps request rows in step.
 * A failing pass is logged and retried on the next tick; it never takes the server down.
 */
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import workflowRuntime from '#services/workflow_runtime'
import { dispatchOutbox } from '#services/requests/outbox'
import { syncOpenRequests } from '#services/requests/request_sync'

const INTERVAL_MS = 2000
let running = false

const timer = setInterval(async () => {
  if (running) return
  running = true
  try {
    const port = await workflowRuntime.port()
    await dispatchOutbox(port)
    await workflowRuntime.settle(10)
    await syncOpenRequests(port)
  } catch (error) {
    logger.error({ err: error }, 'workflow background pass failed')
  } finally {
    running = false
  }
}, INTERVAL_MS)

app.terminating(() => clearInterval(timer))
