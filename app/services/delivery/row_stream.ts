import type { Readable } from 'node:stream'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

type Row = Record<string, unknown>
/*
 * Rows per batch: ~100 kB of JSON, under V8's 128 kB large-object size, so each batch's text
 * dies young in a scavenge instead of piling up in old space until a full GC.
 */
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
  yield* sqliteBatches<Row>(builder, native, false)
}

/*
 * better-sqlite3 rows, as objects or (raw) arrays. Inside a transaction (tests) they come from
 * the transaction's connection, which cannot run other statements mid-iteration, so at once.
 */
async function* sqliteBatches<T>(
  builder: DatabaseQueryBuilderContract<any>,
  { sql, bindings }: { sql: string; bindings: readonly unknown[] },
  raw: boolean
): AsyncGenerator<T[]> {
  const client = (builder.knexQuery as any).client
  const params = bindings.map((b: unknown) => (b instanceof Date ? b.valueOf() : b))
  if (builder.client.isTransaction) {
    const connection = await client.acquireConnection()
    const rows: T[] = connection
      .prepare(sql)
      .raw(raw)
      .all(...params)
    await client.releaseConnection(connection)
    for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH)
    return
  }
  // knex's own handle on the better-sqlite3 module, so no second copy of the driver is loaded.
  const reader = new client.driver(client.config.connection.filename, { readonly: true })
  try {
    reader.pragma('busy_timeout = 5000')
    yield* iteratorBatches(
      reader
        .prepare(sql)
        .raw(raw)
        .iterate(...params) as Iterable<T>
    )
  } finally {
    reader.close()
  }
}

/** Rows of a synchronous iterator, pulled a batch at a time without a promise per row. */
async function* iteratorBatches<T>(rows: Iterable<T>): AsyncGenerator<T[]> {
  const iterator = rows[Symbol.iterator]()
  try {
    for (;;) {
      const batch: T[] = []
      let next: IteratorResult<T>
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

/*
 * The same rows as arrays in SELECT order, for the data API's hot path: no object per row
 * (better-sqlite3 `.raw()`, mysql2 `rowsAsArray`) and no Date per row (mysql2 `dateStrings`,
 * the DATETIME text as stored; the connection's timezone is 'Z', so it is UTC as a Date would
 * be). mysql2 rows come from the query's 'result' events with pause/resume for backpressure
 * rather than its object-mode Readable, which costs a stream push and read per row.
 */
export async function* rowArrayBatches(
  builder: DatabaseQueryBuilderContract<any>
): AsyncGenerator<unknown[][]> {
  const native = builder.toSQL().toNative()
  const client = (builder.knexQuery as any).client
  if (client.driverName === 'better-sqlite3') {
    yield* sqliteBatches<unknown[]>(builder, native, true)
    return
  }
  // Inside a transaction knex hands out the transaction's connection and ignores the release.
  const connection = await client.acquireConnection()
  yield* mysqlArrayBatches(connection, native.sql, native.bindings, () =>
    client.releaseConnection(connection)
  )
}

async function* mysqlArrayBatches(
  connection: any,
  sql: string,
  values: readonly unknown[],
  releaseConnection: () => unknown
): AsyncGenerator<unknown[][]> {
  let released = false
  const release = () => {
    if (!released) releaseConnection()
    released = true
  }
  const ready: unknown[][][] = []
  let batch: unknown[][] = []
  let failure: Error | null = null
  let ended = false
  let paused = false
  let wake: (() => void) | null = null
  const notify = () => {
    const resolve = wake
    wake = null
    resolve?.()
  }
  const query = connection.query({ sql, values, rowsAsArray: true, dateStrings: true })
  query.on('result', (row: unknown[]) => {
    batch.push(row)
    if (batch.length < BATCH) return
    ready.push(batch)
    batch = []
    // Two batches waiting: stop reading the socket until the client catches up.
    if (ready.length >= 2 && !paused) {
      paused = true
      connection.pause()
    }
    notify()
  })
  query.on('error', (error: Error) => {
    failure = error
    release()
    notify()
  })
  query.on('end', () => {
    if (batch.length > 0) ready.push(batch)
    ended = true
    release()
    notify()
  })
  try {
    for (;;) {
      if (failure) throw failure
      const next = ready.shift()
      if (next) {
        if (paused && ready.length < 2) {
          paused = false
          connection.resume()
        }
        yield next
        continue
      }
      if (ended) return
      await new Promise<void>((resolve) => (wake = resolve))
    }
  } finally {
    // Client gone mid-stream: let the rest drain so the connection goes back clean (as
    // mysql2's own stream does on destroy); 'end' releases it.
    if (!ended) {
      ready.length = 0
      query.removeAllListeners('result')
      query.on('result', () => {})
      if (paused) connection.resume()
    }
  }
}
