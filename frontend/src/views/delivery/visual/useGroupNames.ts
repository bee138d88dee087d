import { shallowRef } from 'vue'
import { fetchScopeOptions } from '@/api/catalog'

/**
 * Series come back keyed by district, station or section code; the row-scope register the
 * request form uses (GET /catalog/scope-options) names them. An unknown code stays a code.
 */
export function useGroupNames() {
  const names = shallowRef(new Map<string, string>())

  async function learn(datasetCode: string | null): Promise<void> {
    names.value = new Map()
    if (!datasetCode) return
    try {
      const { districts, stations, sections } = await fetchScopeOptions([datasetCode])
      names.value = new Map(
        [...districts, ...stations, ...sections].map((entry) => [entry.code, entry.name])
      )
    } catch {
      // Codes are still correct, only less readable.
    }
  }

  const name = (code: string): string => names.value.get(code) ?? code

  return { learn, name }
}
