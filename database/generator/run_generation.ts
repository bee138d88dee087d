import db from '@adonisjs/lucid/services/db'
import { STORE_DATASETS } from '#database/data/datasets/index'
import { generateCity, estimateRows } from '#database/generator/generate_demo'
import type { GeneratorOptions } from '#database/generator/context'
import { DatabaseSink, type ProgressSnapshot } from '#database/generator/writer'
import { isMysql } from '#services/stores/store_schema'

/*
 * Runs the generator against the configured database: empties the generator's own store
 * tables (so a re-run replaces rather than duplicates), writes the city, reports progress.
 */
export interface GenerationReport {
  rows: number
  seconds: number
  counts: Record<string, number>
}

export async function clearStores(tables: string[]) {
  const client = db.connection()
  for (const table of tables) {
    if (isMysql(client.dialect.name)) await client.rawQuery(`TRUNCATE TABLE \`${table}\``)
    else await client.from(table).delete()
  }
}

/*
 * Demo rows can always be regenerated, so on SQLite the run trades durability for speed
 * (no fsync, a large page cache); the connection's normal settings are restored after.
 */
async function withFastSqliteWrites(work: () => Promise<void>) {
  const client = db.connection()
  if (isMysql(client.dialect.name)) return work()
  await client.rawQuery('PRAGMA synchronous = OFF')
  await client.rawQuery('PRAGMA cache_size = -262144')
  try {
    await work()
  } finally {
    await client.rawQuery('PRAGMA synchronous = NORMAL')
    await client.rawQuery('PRAGMA cache_size = -2000')
  }
}

export async function runGeneration(
  options: GeneratorOptions,
  hooks: { onProgress?: (snapshot: ProgressSnapshot) => void; onStep?: (step: string) => void } = {}
): Promise<GenerationReport> {
  const started = Date.now()
  const tables = STORE_DATASETS.map((dataset) => dataset.storeTable)
  await clearStores(tables)
  const sink = new DatabaseSink(db.connection(), estimateRows(options), hooks.onProgress)
  await withFastSqliteWrites(async () => {
    await generateCity(options, sink, (step) => hooks.onStep?.(step))
    await sink.flushAll()
  })
  return {
    rows: sink.written,
    seconds: (Date.now() - started) / 1000,
    counts: Object.fromEntries(tables.map((table) => [table, sink.counts.get(table) ?? 0])),
  }
}
