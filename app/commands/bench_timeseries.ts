import { writeFile, mkdir } from 'node:fs/promises'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * `node ace bench:timeseries`: fills ≥ 20 M hourly air rows in MariaDB database
 * `ecoshare_bench` (unless already there) and measures the station-month slice p95.
 */
export default class BenchTimeseries extends BaseCommand {
  static commandName = 'bench:timeseries'
  static description =
    'Benchmark: one station, one month, hourly, all pollutants over ≥ 20 M rows (MariaDB)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Rows to fill', default: 20_000_000 })
  declare rows: number

  @flags.number({ description: 'Slice queries to time', default: 1_000 })
  declare queries: number

  @flags.string({
    description: 'MariaDB database used for the benchmark',
    default: 'ecoshare_bench',
  })
  declare database: string

  @flags.boolean({ description: 'Refill even if the table already holds enough rows' })
  declare refill: boolean

  async run() {
    const bench = await import('../../bench/timeseries.js')
    await bench.connectBench(this.database)
    let fill: Awaited<ReturnType<typeof bench.fill>> | null = null
    const existing = await bench.tableRows()
    if (this.refill || existing < this.rows) {
      this.logger.info(
        `filling ${this.rows.toLocaleString('en')} rows into ${this.database} (found ${existing.toLocaleString('en')})`
      )
      let last = 0
      const keep = this.refill ? 0 : existing
      fill = await bench.fill(this.rows, keep, (written, rate) => {
        if (Date.now() - last < 10_000) return
        last = Date.now()
        this.logger.log(
          `  [${Math.min(99, Math.floor((100 * (keep + written)) / this.rows))}%] ${written.toLocaleString('en')} rows · ${rate.toLocaleString('en')} rows/s`
        )
      })
      this.logger.success(
        `filled ${fill.rows.toLocaleString('en')} rows (${fill.stations} stations) in ${fill.seconds.toFixed(0)} s`
      )
    }
    const rows = await bench.tableRows()
    // A first pass warms the OS cache the way a running service would be warm; the second is reported.
    const warmup = await bench.measureSlices(Math.min(200, this.queries), 1, 'builder')
    const plain = await bench.measureSlices(this.queries, 2, 'builder')
    const labelled = await bench.measureSlices(this.queries, 3, 'labels')
    const raw = await bench.measureSlices(this.queries, 4, 'raw')
    const result = {
      benchmark: 'time-series slice: one station, one month, hourly, 7 pollutants + AQI',
      command: `node ace bench:timeseries --rows ${this.rows} --queries ${this.queries}`,
      measuredAt: new Date().toISOString(),
      database: 'MariaDB (InnoDB, monthly RANGE COLUMNS partitions, PK station_code+observed_at)',
      tableRows: rows,
      fill,
      warmup,
      slice: plain,
      sliceWithOpenLabels: labelled,
      sliceRawSql: raw,
      explain: await bench.explainSlice(),
      targetP95Ms: 10,
    }
    await mkdir('bench/results', { recursive: true })
    await writeFile('bench/results/timeseries.json', JSON.stringify(result, null, 2) + '\n')
    this.logger.log(
      JSON.stringify(
        { tableRows: rows, slice: plain, sliceWithOpenLabels: labelled, sliceRawSql: raw },
        null,
        2
      )
    )
    this.logger.success(
      `p95 ${plain.p95} ms (open-label filter: ${labelled.p95} ms) over ${rows.toLocaleString('en')} rows → bench/results/timeseries.json`
    )
  }
}
