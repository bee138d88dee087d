import { defineStore } from 'pinia'
import { ref } from 'vue'
import { fetchOrganisationTree, type Organisation } from '@/api/admin'

/** The organisation tree changes rarely and is needed by several admin screens; fetch it once. */
export const useOrganisationsStore = defineStore('organisations', () => {
  const tree = ref<Organisation[]>([])
  const loading = ref(false)
  let pending: Promise<void> | null = null

  async function fetchTree(): Promise<void> {
    loading.value = true
    try {
      tree.value = await fetchOrganisationTree()
    } finally {
      loading.value = false
      pending = null
    }
  }

  /** Concurrent callers (filter and dialog) share one request. */
  function ensureLoaded(force = false): Promise<void> {
    if (!force && tree.value.length > 0) return Promise.resolve()
    pending ??= fetchTree()
    return pending
  }

  function reset(): void {
    tree.value = []
  }

  return { tree, loading, ensureLoaded, reset }
})
