import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'

/** Liveness plus a real round trip to the database; 503 when the database does not answer. */
export default class HealthController {
  async show({ response }: HttpContext) {
    const dbName = env.get('DB_CONNECTION') ?? 'sqlite'
    const engine = env.get('WORKFLOW_ENGINE') ?? 'embedded'
    try {
      await db.rawQuery('select 1 as ok')
      return { status: 'ok', db: dbName, engine }
    } catch {
      return response.serviceUnavailable({
        status: 'error',
        db: dbName,
        engine,
        error: { code: 'E_SERVICE_UNAVAILABLE', message: 'database unreachable' },
      })
    }
  }
}
