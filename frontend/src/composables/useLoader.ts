import { ref, shallowRef } from 'vue'
import { ApiError, toApiError } from '@/api/http'

/** One record fetched for a page: loading flag, the value, and the error to show instead. */
export function useLoader<T>(fetch: () => Promise<T>) {
  const data = shallowRef<T | null>(null)
  const error = shallowRef<ApiError | null>(null)
  const loading = ref(false)

  async function load(): Promise<T | null> {
    loading.value = true
    try {
      data.value = await fetch()
      error.value = null
    } catch (failure) {
      error.value = toApiError(failure)
    } finally {
      loading.value = false
    }
    return data.value
  }

  return { data, error, loading, load }
}
