import { ref } from 'vue'
import { ApiError } from '@/api/http'

/**
 * Server-side validation messages per form field (bound to ElFormItem's `error`).
 * Returns false when the error is not a 422 the form can show, so the caller reports it otherwise.
 */
export function useFieldErrors() {
  const fieldErrors = ref<Record<string, string>>({})

  function clear(): void {
    fieldErrors.value = {}
  }

  function apply(error: unknown): boolean {
    if (!(error instanceof ApiError) || error.status !== 422 || error.details.length === 0)
      return false
    fieldErrors.value = error.fieldErrors()
    return true
  }

  return { fieldErrors, clear, apply }
}
