/*
 * Time helpers for generated rows. Stored times are UTC ('YYYY-MM-DD HH:MM:SS', identical on
 * SQLite and MySQL); the city lives in China Standard Time (UTC+8, no daylight saving), so
 * days, months and diurnal cycles are computed in CST.
 */
export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS
export const CST_OFFSET_MS = 8 * HOUR_MS

export function sqlDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}

/** The CST calendar date of an instant. */
export function cstDate(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant of CST midnight starting a calendar date. */
export function cstMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - CST_OFFSET_MS
}

export function cstHour(ms: number): number {
  return new Date(ms + CST_OFFSET_MS).getUTCHours()
}

/** Day of year (0-based) in CST. */
export function dayOfYear(ms: number): number {
  const local = new Date(ms + CST_OFFSET_MS)
  return Math.floor((local.getTime() - Date.UTC(local.getUTCFullYear(), 0, 1)) / DAY_MS)
}

/** 0 in mid-July, 1 in mid-January: how wintry a day is. */
export function winterness(ms: number): number {
  return (1 + Math.cos((2 * Math.PI * (dayOfYear(ms) - 15)) / 365)) / 2
}

/** First days (YYYY-MM-01) of every CST month that starts in [from, to). */
export function monthStarts(from: number, to: number): string[] {
  const months: string[] = []
  const first = new Date(from + CST_OFFSET_MS)
  let year = first.getUTCFullYear()
  let month = first.getUTCMonth()
  if (first.getUTCDate() !== 1 || first.getUTCHours() !== 0) month++
  for (;;) {
    const date = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10)
    if (cstMidnight(date) >= to) return months
    months.push(date)
    month++
    if (month === 12) {
      month = 0
      year++
    }
  }
}

/** CST dates of every day in [from, to). */
export function days(from: number, to: number): string[] {
  const result: string[] = []
  for (let t = cstMidnight(cstDate(from)); t < to; t += DAY_MS)
    if (t >= from) result.push(cstDate(t))
  return result
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}
