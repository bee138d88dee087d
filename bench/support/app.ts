import 'reflect-metadata'
import { Ignitor } from '@adonisjs/core'
import type { ApplicationService } from '@adonisjs/core/types'
import { APP_ROOT, importer } from '../../bin/importer.js'

/** Boots the application in-process (console environment), as ace commands do. */
export async function bootApp(): Promise<ApplicationService> {
  const ignitor = new Ignitor(APP_ROOT, { importer }).tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
  })
  const app = ignitor.createApp('console')
  await app.init()
  await app.boot()
  await app.start(() => {})
  return app
}

export async function runAce(app: ApplicationService, name: string, args: string[] = []) {
  const ace = await app.container.make('ace')
  const command = await ace.exec(name, args)
  if (command.exitCode) throw command.error ?? new Error(`${name} failed`)
}
