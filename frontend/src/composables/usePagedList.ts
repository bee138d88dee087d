import { reactive, ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { toApiError } from '@/api/http'
import type { PageQuery, Paginated } from '@/api/types'

/**
 * Filters + pagination + loading state of a server-paginated table.
 * `filters` is what the user edits; a search copies it to `applied`, so paging and exports
 * keep using the filters that produced the rows on screen.
 */
export function usePagedList<F extends object, T>(
  fetchPage: (query: F & PageQuery) => Promise<Paginated<T>>,
  initialFilters: () => F,
  perPage = 20
) {
  const filters = reactive(initialFilters()) as F
  const applied = shallowRef<F>(initialFilters())
  const rows = shallowRef<T[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(perPage)
  const loading = ref(false)
  let requestId = 0

  async function load(): Promise<void> {
    // A slow earlier answer must not overwrite a newer one.
    const id = ++requestId
    loading.value = true
    try {
      const result = await fetchPage({
        ...applied.value,
        page: page.value,
        perPage: pageSize.value,
      })
      if (id !== requestId) return
      rows.value = result.data
      total.value = result.meta.total
    } catch (error) {
      if (id === requestId) ElMessage.error(toApiError(error).message)
    } finally {
      if (id === requestId) loading.value = false
    }
  }

  function search(): Promise<void> {
    applied.value = { ...filters }
    page.value = 1
    return load()
  }

  function reset(): Promise<void> {
    Object.assign(filters, initialFilters())
    return search()
  }

  function changePageSize(size: number): Promise<void> {
    pageSize.value = size
    page.value = 1
    return load()
  }

  return {
    filters,
    applied,
    rows,
    total,
    page,
    pageSize,
    loading,
    load,
    search,
    reset,
    changePageSize,
  }
}
