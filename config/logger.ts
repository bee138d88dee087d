import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, targets } from '@adonisjs/core/logger'

const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'ecoshare',
      level: env.get('LOG_LEVEL') ?? (app.inTest ? 'silent' : 'info'),
      // API keys and passwords never reach the logs, whatever a handler logs.
      redact: {
        paths: ['password', '*.password', 'headers["x-api-key"]', 'headers.authorization', 'token'],
        censor: '[redacted]',
      },
      transport: {
        targets: targets()
          .pushIf(!app.inProduction, targets.pretty())
          .pushIf(app.inProduction, targets.file({ destination: 1 }))
          .toArray(),
      },
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
