import { mkdirSync, writeFileSync } from 'node:fs'

export interface Summary {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

/** Milliseconds, rounded to 0.01. Nearest-rank percentiles. */
export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
  const round = (value: number) => Math.round(value * 100) / 100
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length
  return {
    n: sorted.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted.at(-1)!),
    mean: round(mean),
  }
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

export function writeResult(name: string, result: Record<string, unknown>) {
  const dir = new URL('../results/', import.meta.url)
  mkdirSync(dir, { recursive: true })
  writeFileSync(new URL(`${name}.json`, dir), JSON.stringify(result, null, 2) + '\n')
}
