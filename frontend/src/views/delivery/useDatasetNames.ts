import { useDatasetsStore } from '@/stores/datasets'
import { useLocalized } from '@/composables/useLocalized'

/**
 * Grants and usage rows carry dataset codes only; names come from the catalog search the
 * request form already caches. A dataset the user cannot find in the catalog keeps its code.
 */
export function useDatasetNames() {
  const datasets = useDatasetsStore()
  const { name } = useLocalized()

  async function learn(codes: string[]): Promise<void> {
    await datasets.resolve([...new Set(codes)]).catch(() => undefined)
  }

  function label(code: string): string {
    const summary = datasets.summaries.get(code)
    return summary ? name(summary) : code
  }

  return { learn, label }
}
