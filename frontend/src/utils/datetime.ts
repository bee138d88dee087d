const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0')

/** `2025-03-01 09:30:00` in the browser's time zone; '—' for missing values. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  )
}

/** ISO 8601 with the local offset (`…T09:30:00+08:00`), as the audit API expects for from/to. */
export function toIsoWithOffset(d: Date): string {
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  )
}

/** YYYY-MM-DD of a local date, as the date filters of the API expect. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00`)
  d.setDate(d.getDate() + days)
  return isoDate(d)
}

/** Date ranges in the API end before `to`; people pick and read the last day they mean. */
export const dayAfter = (date: string) => shiftDay(date, 1)
export const dayBefore = (date: string) => shiftDay(date, -1)
