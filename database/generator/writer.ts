import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { isMysql } from '#services/stores/store_schema'

/*
 * Where generated rows go. Modules only call `write`; the database writer batches them into
 * multi-row INSERTs inside transactions, a memory sink keeps them for unit tests.
 */
export type Row = Record<string, string | number | null>

export interface RowSink {
  write(table: string, row: Row): void | Promise<void>
}

export class MemorySink implements RowSink {
  readonly tables = new Map<string, Row[]>()

  write(table: string, row: Row) {
    let rows = this.tables.get(table)
    if (!rows) this.tables.set(table, (rows = []))
    rows.push(row)
  }

  rows(table: string): Row[] {
    return this.tables.get(table) ?? []
  }
}

export interface ProgressSnapshot {
  table: string
  written: number
  estimated: number
  rowsPerSecond: number
}

/** SQLite allows 32 766 bound parameters per statement; stay under it. */
const SQLITE_MAX_PARAMETERS = 30_000
/** Rows per MySQL statement: ~1–2 MB, well under max_allowed_packet. */
const MYSQL_ROWS_PER_STATEMENT = 5_000
/** Rows per transaction: large enough to amortise commits, small enough to keep undo logs small. */
const ROWS_PER_TRANSACTION = 20_000

type Values = (string | number | null)[]

/*
 * Bulk inserts go to the driver directly: knex compiles SQLite multi-inserts to UNION ALL
 * selects (capped at 500 rows) and re-scans 30 000 bindings per statement, which made the
 * generator 3–4× slower. Both paths are plain `INSERT … VALUES (…),(…)` in a transaction.
 */
async function insertRows(
  client: QueryClientContract,
  table: string,
  columns: string[],
  rows: Values[]
) {
  const knex = client.getWriteClient() as any
  const connection = await knex.client.acquireConnection()
  try {
    if (isMysql(client.dialect.name)) await mysqlInsert(connection, table, columns, rows)
    else sqliteInsert(connection, table, columns, rows)
  } finally {
    await knex.client.releaseConnection(connection)
  }
}

const columnList = (columns: string[]) => columns.map((c) => `\`${c}\``).join(',')

function sqliteInsert(connection: any, table: string, columns: string[], rows: Values[]) {
  const perStatement = Math.max(1, Math.floor(SQLITE_MAX_PARAMETERS / columns.length))
  const tuple = `(${columns.map(() => '?').join(',')})`
  const statements = new Map<number, any>()
  const prepare = (count: number) => {
    if (!statements.has(count)) {
      const sql = `INSERT INTO \`${table}\` (${columnList(columns)}) VALUES ${Array(count).fill(tuple).join(',')}`
      statements.set(count, connection.prepare(sql))
    }
    return statements.get(count)
  }
  connection.transaction(() => {
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement)
      prepare(chunk.length).run(chunk.flat())
    }
  })()
}

async function mysqlInsert(connection: any, table: string, columns: string[], rows: Values[]) {
  const query = (sql: string, values?: unknown[]) =>
    new Promise<void>((resolve, reject) =>
      connection.query(sql, values, (error: Error | null) => (error ? reject(error) : resolve()))
    )
  await query('START TRANSACTION')
  try {
    for (let i = 0; i < rows.length; i += MYSQL_ROWS_PER_STATEMENT) {
      await query(`INSERT INTO \`${table}\` (${columnList(columns)}) VALUES ?`, [
        rows.slice(i, i + MYSQL_ROWS_PER_STATEMENT),
      ])
    }
    await query('COMMIT')
  } catch (error) {
    await query('ROLLBACK')
    throw error
  }
}

export class DatabaseSink implements RowSink {
  readonly counts = new Map<string, number>()
  #buffers = new Map<string, Row[]>()
  #written = 0
  #started = Date.now()
  #lastReport = 0

  constructor(
    private client: QueryClientContract,
    private estimated: number,
    private onProgress?: (snapshot: ProgressSnapshot) => void
  ) {}

  async write(table: string, row: Row) {
    let buffer = this.#buffers.get(table)
    if (!buffer) this.#buffers.set(table, (buffer = []))
    buffer.push(row)
    if (buffer.length >= ROWS_PER_TRANSACTION) await this.flush(table)
  }

  async flush(table: string) {
    const rows = this.#buffers.get(table)
    if (!rows?.length) return
    this.#buffers.set(table, [])
    const columns = Object.keys(rows[0])
    await insertRows(
      this.client,
      table,
      columns,
      rows.map((row) => columns.map((column) => row[column] ?? null))
    )
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows.length)
    this.#written += rows.length
    this.#report(table)
  }

  async flushAll() {
    for (const table of this.#buffers.keys()) await this.flush(table)
  }

  get written() {
    return this.#written
  }

  #report(table: string) {
    const now = Date.now()
    if (!this.onProgress || now - this.#lastReport < 500) return
    this.#lastReport = now
    const seconds = Math.max(0.001, (now - this.#started) / 1000)
    this.onProgress({
      table,
      written: this.#written,
      estimated: Math.max(this.estimated, this.#written),
      rowsPerSecond: Math.round(this.#written / seconds),
    })
  }
}
