/*
 * Web server only: drives the embedded engine in the background (outbox, timers, topics,
 * request status). Several app instances may do this at once: timers, external tasks and the
 * start by business key are all claimed by guarded row updates.
 */
import app from '@adonisjs/core/services/app'
import workflowRuntime from '#services/workflow_runtime'

workflowRuntime.startLoop(2000)

app.terminating(() => workflowRuntime.stopLoop())
