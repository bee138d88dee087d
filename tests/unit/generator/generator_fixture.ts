import { generateCity } from '#database/generator/generate_demo'
import { MemorySink } from '#database/generator/writer'

/*
 * A three-week city crossing a year end (so yearly, monthly and quarterly tables get rows),
 * generated in memory once per seed and shared by the generator specs.
 */
export const WINDOW = { scale: 'small' as const, startDate: '2025-12-25', endDate: '2026-01-15' }
const cache = new Map<number, Promise<MemorySink>>()

export function generated(seed: number): Promise<MemorySink> {
  if (!cache.has(seed)) {
    cache.set(
      seed,
      (async () => {
        const sink = new MemorySink()
        await generateCity({ ...WINDOW, seed }, sink)
        return sink
      })()
    )
  }
  return cache.get(seed)!
}
