import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import {
  fetchUnreadCount,
  listNotifications,
  markAllRead,
  markRead,
  type AppNotification,
} from '@/api/notifications'

/** 站内消息: the unread badge and the latest few for the header dropdown. */
export const useNotificationsStore = defineStore('notifications', () => {
  const unread = ref(0)
  const latest = shallowRef<AppNotification[]>([])
  const loading = ref(false)

  async function refreshCount(): Promise<void> {
    try {
      unread.value = await fetchUnreadCount()
    } catch {
      // A badge that cannot refresh keeps its last value; the next poll tries again.
    }
  }

  async function loadLatest(): Promise<void> {
    loading.value = true
    try {
      latest.value = (await listNotifications({ page: 1, perPage: 10 })).data
    } finally {
      loading.value = false
    }
    await refreshCount()
  }

  async function read(item: AppNotification): Promise<void> {
    if (item.read) return
    const updated = await markRead(item.id)
    latest.value = latest.value.map((n) => (n.id === item.id ? updated : n))
    await refreshCount()
  }

  async function readAll(): Promise<void> {
    await markAllRead()
    await loadLatest()
  }

  function reset(): void {
    unread.value = 0
    latest.value = []
  }

  return { unread, latest, loading, refreshCount, loadLatest, read, readAll, reset }
})
