/*
 * Ace entrypoint: commands boot the application only when they ask for it (startApp).
 */
// A fresh clone has no .env: default to development (production must say so explicitly).
process.env.NODE_ENV ??= 'development'

await import('reflect-metadata')
const { Ignitor, prettyPrintError } = await import('@adonisjs/core')
const { APP_ROOT, importer } = await import('./importer.js')

new Ignitor(APP_ROOT, { importer })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .ace()
  .handle(process.argv.splice(2))
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
