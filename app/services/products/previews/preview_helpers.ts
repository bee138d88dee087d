import { openRows, openRowsInOrder } from '#services/products/product_catalog'

/*
 * Building blocks of product previews. Each starts from open rows only, like the records API.
 */
export interface Breakdown {
  value: string | number | null
  count: number
  sum?: number
}

/** Counts (and optionally sums) of open rows per value of a column, largest first. */
export async function breakdown(
  table: string,
  column: string,
  options: {
    sum?: string
    where?: (builder: ReturnType<typeof openRows>) => void
    limit?: number
  } = {}
): Promise<Breakdown[]> {
  const builder = openRows(table).select(column).count('* as count').groupBy(column)
  if (options.sum) builder.sum(`${options.sum} as total`)
  options.where?.(builder)
  const rows = await builder
    .orderBy('count', 'desc')
    .orderBy(column, 'asc')
    .limit(options.limit ?? 20)
  return rows.map((row: any) => ({
    value: row[column],
    count: Number(row.count),
    ...(options.sum ? { sum: Math.round(Number(row.total) * 100) / 100 } : {}),
  }))
}

/**
 * The newest value of a column among open rows (latest report day, month, year…). ORDER BY …
 * LIMIT 1 walks the column's index backwards; MAX() with the label filter would scan the labels.
 */
export async function latest(
  table: string,
  column: string,
  where?: (builder: ReturnType<typeof openRows>) => void
) {
  const builder = openRowsInOrder(table).select(column).orderBy(column, 'desc').limit(1)
  where?.(builder)
  const [row] = await builder
  return row?.[column] ?? null
}

export async function countOpen(
  table: string,
  where?: (builder: ReturnType<typeof openRows>) => void
): Promise<number> {
  const builder = openRows(table).count('* as total')
  where?.(builder)
  const [row] = await builder
  return Number(row.total)
}

/** A date column's value as YYYY-MM-DD, whichever driver returned it. */
export function dateText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)
}

export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : null
}

/** The date `months` months before a YYYY-MM-DD date. */
export function monthsBefore(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d.toISOString().slice(0, 10)
}
