/** A JSON text column (SQLite has no JSON type; MariaDB's JSON is LONGTEXT and may arrive parsed). */
export const jsonColumn = {
  prepare: (value: unknown) => JSON.stringify(value),
  consume: (value: string | object) => (typeof value === 'string' ? JSON.parse(value) : value),
}
