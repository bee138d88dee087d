import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Used by `npm start` to know what a fresh install still needs: exit code 10 when the
 * database has no organisations (seed + demo data), 11 when the demo data is missing
 * (e.g. an earlier first start was interrupted), 0 when everything is there.
 */
export default class AppFirstRun extends BaseCommand {
  static commandName = 'app:first-run'
  static description =
    'Exit 10 (needs seed), 11 (needs demo data) or 0 — used by npm start on first run'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const [{ n: organisations }] = await db.from('organisations').count('* as n')
    if (Number(organisations) === 0) {
      this.exitCode = 10
      return
    }
    const [{ n: datasets }] = await db.from('datasets').count('* as n')
    this.exitCode = Number(datasets) === 0 ? 11 : 0
  }
}
