import { defineStore } from 'pinia'
import { shallowReactive } from 'vue'
import {
  fetchDataset,
  searchDatasets,
  type DatasetDetail,
  type DatasetSummary,
} from '@/api/catalog'

/**
 * Datasets the request form has met, by code: the form stores codes, the pickers show names
 * and the field picker needs each dataset's fields (only the detail endpoint, by id, has them).
 */
export const useDatasetsStore = defineStore('datasets', () => {
  const summaries = shallowReactive(new Map<string, DatasetSummary>())
  const details = shallowReactive(new Map<string, DatasetDetail>())

  function remember(list: DatasetSummary[]): DatasetSummary[] {
    for (const dataset of list) summaries.set(dataset.code, dataset)
    return list
  }

  async function search(q: string): Promise<DatasetSummary[]> {
    const result = await searchDatasets({ q: q || undefined, perPage: 20 })
    return remember(result.data)
  }

  /** Codes coming from a link or a returned request: found through the full-text search. */
  async function resolve(codes: string[]): Promise<void> {
    const missing = codes.filter((code) => !summaries.has(code))
    await Promise.all(missing.map((code) => search(code)))
  }

  async function detail(code: string): Promise<DatasetDetail | null> {
    const cached = details.get(code)
    if (cached) return cached
    await resolve([code])
    const summary = summaries.get(code)
    if (!summary) return null
    const loaded = await fetchDataset(summary.id)
    details.set(code, loaded)
    return loaded
  }

  function reset(): void {
    summaries.clear()
    details.clear()
  }

  return { summaries, details, search, resolve, detail, reset }
})
