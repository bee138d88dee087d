import type { Readable } from 'node:stream'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

type Row = Record<string, unknown>
const BATCH = 500

/*
 * Rows of a query in batches, straight from the driver so memory stays flat: mysql2's query
 * stream (knex `.stream()`), or better-sqlite3's `iterate()` on a read-only connection of its
 * own (WAL lets it read while the app writes, and a slow client does not hold the app's only
 * connection). Inside a transaction (tests) the rows must come from the transaction's
 * connection, which cannot run other statements mid-iteration, so they are read at once.
 */
export async function* rowBatches(
  builder: DatabaseQueryBuilderContract<any>
): AsyncGenerator<Row[]> {
  // Lucid keeps where-clauses aside until the query runs; toSQL() applies them to the knex query.
  const native = builder.toSQL().toNative()
  const knexQuery = builder.knexQuery as any
  const client = knexQuery.client
  if (client.driverName !== 'better-sqlite3') {
    yield* streamBatches(knexQuery.stream({ highWaterMark: BATCH }))
    return
  }
  const { sql, bindings } = native
  const params = bindings.map((b: unknown) => (b instanceof Date ? b.valueOf() : b))
  if (builder.client.isTransaction) {
    const connection = await client.acquireConnection()
    const rows: Row[] = connection.prepare(sql).all(...params)
    await client.releaseConnection(connection)
    for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH)
    return
  }
  // knex's own handle on the better-sqlite3 module, so no second copy of the driver is loaded.
  const reader = new client.driver(client.config.connection.filename, { readonly: true })
  try {
    reader.pragma('busy_timeout = 5000')
    yield* iteratorBatches(reader.prepare(sql).iterate(...params) as Iterable<Row>)
  } finally {
    reader.close()
  }
}

/** Rows of a synchronous iterator, pulled 500 at a time without a promise per row. */
async function* iteratorBatches(rows: Iterable<Row>): AsyncGenerator<Row[]> {
  const iterator = rows[Symbol.iterator]()
  try {
    for (;;) {
      const batch: Row[] = []
      let next: IteratorResult<Row>
      while (batch.length < BATCH && !(next = iterator.next()).done) batch.push(next.value)
      if (batch.length > 0) yield batch
      if (batch.length < BATCH) return
    }
  } finally {
    // Ends the statement when the client went away mid-stream.
    iterator.return?.()
  }
}

/** Rows of a readable stream: whatever is buffered is taken at once, then wait for more. */
async function* streamBatches(stream: Readable): AsyncGenerator<Row[]> {
  let failure: Error | null = null
  let ended = false
  let wake: (() => void) | null = null
  const notify = () => {
    const resolve = wake
    wake = null
    resolve?.()
  }
  stream.on('readable', notify)
  stream.on('end', () => ((ended = true), notify()))
  stream.on('error', (error: Error) => ((failure = error), notify()))
  try {
    for (;;) {
      if (failure) throw failure
      const batch: Row[] = []
      let row: Row | null
      while (batch.length < BATCH && (row = stream.read()) !== null) batch.push(row)
      if (batch.length > 0) {
        yield batch
        continue
      }
      if (ended) return
      await new Promise<void>((resolve) => (wake = resolve))
    }
  } finally {
    stream.destroy()
  }
}
