/*
 * Web server only: runs queued file exports in the background (claims are guarded row updates,
 * so several app instances may poll at once) and sweeps lost jobs and expired files.
 */
import app from '@adonisjs/core/services/app'
import exportRunner from '#services/delivery/export_runner'
import { exportLimits } from '#config/exports'

exportRunner.start(exportLimits.pollSeconds * 1000)

app.terminating(() => exportRunner.stop())
