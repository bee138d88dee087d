import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { SCALES, type Scale } from '#database/generator/context'

/**
 * `node ace demo:generate --scale small --seed 42`: fills every typed store with the demo
 * city and registers its datasets in the catalog. Deterministic for (seed, end date).
 */
export default class DemoGenerate extends BaseCommand {
  static commandName = 'demo:generate'
  static description =
    'Generate the demo city (stations, enterprises, time series since 2018) into the typed stores'
  static options: CommandOptions = { startApp: true }

  @flags.string({
    description: 'small (last 12 months) | medium (3 years) | large (since 2018-01-01)',
    default: 'small',
  })
  declare scale: string

  @flags.number({
    description: 'Random seed; the same seed and end date give the same rows',
    default: 2026,
  })
  declare seed: number

  @flags.string({ description: 'First day NOT generated (YYYY-MM-DD, China time); default today' })
  declare end?: string

  async run() {
    const app = this.app
    if (app.inProduction) {
      this.logger.error('E_SEED_IN_PRODUCTION: demo data cannot be written in production')
      this.exitCode = 1
      return
    }
    if (!SCALES.includes(this.scale as Scale)) {
      this.logger.error(`--scale must be one of ${SCALES.join(', ')}`)
      this.exitCode = 1
      return
    }
    if (!Number.isInteger(this.seed) || (this.end && !/^\d{4}-\d{2}-\d{2}$/.test(this.end))) {
      this.logger.error('--seed must be an integer and --end a date YYYY-MM-DD')
      this.exitCode = 1
      return
    }
    const { runGeneration } = await import('#database/generator/run_generation')
    const { registerStoreDatasets } = await import('#database/generator/register_datasets')
    const { default: clock } = await import('#services/clock')
    const endDate = this.end ?? clock.now().setZone('Asia/Shanghai').toISODate()!
    this.logger.info(
      `generating scale=${this.scale} seed=${this.seed} until ${endDate} (China time)`
    )

    const report = await runGeneration(
      { scale: this.scale as Scale, seed: this.seed, endDate },
      {
        onStep: (step) => this.logger.info(`step: ${step}`),
        onProgress: ({ table, written, estimated, rowsPerSecond }) => {
          const percent = Math.min(99, Math.floor((100 * written) / estimated))
          this.logger.log(
            `  [${String(percent).padStart(2)}%] ${written.toLocaleString('en')} rows · ${rowsPerSecond.toLocaleString('en')} rows/s · ${table}`
          )
        },
      }
    )
    const registered = await registerStoreDatasets()
    for (const [table, count] of Object.entries(report.counts))
      this.logger.log(`  ${table.padEnd(28)} ${count.toLocaleString('en')}`)
    this.logger.success(
      `[100%] ${report.rows.toLocaleString('en')} rows in ${report.seconds.toFixed(1)} s (${Math.round(report.rows / report.seconds).toLocaleString('en')} rows/s); ${registered} datasets registered`
    )
  }
}
