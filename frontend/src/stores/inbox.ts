import { defineStore } from 'pinia'
import { ref } from 'vue'
import { fetchCounts, type InboxCounts } from '@/api/inbox'

/** The inbox badge counts; every reviewer operation refreshes them. */
export const useInboxStore = defineStore('inbox', () => {
  const counts = ref<InboxCounts | null>(null)

  async function refresh(): Promise<void> {
    try {
      counts.value = await fetchCounts()
    } catch {
      // Badges are a hint; the lists themselves report errors.
    }
  }

  function reset(): void {
    counts.value = null
  }

  return { counts, refresh, reset }
})
