import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Used by `npm start`: exit code 10 when the database has no organisations yet
 * (a fresh install that needs the demo seed), 0 otherwise.
 */
export default class AppFirstRun extends BaseCommand {
  static commandName = 'app:first-run'
  static description =
    'Exit with code 10 when the database is empty (used by npm start to seed on first run)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const [{ n }] = await db.from('organisations').count('* as n')
    this.exitCode = Number(n) === 0 ? 10 : 0
  }
}
