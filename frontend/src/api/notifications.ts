import { http } from './http'
import type { Envelope, PageQuery, Paginated } from './types'

export interface AppNotification {
  id: number
  kind: string
  title: string
  body: string | null
  /** data_request, workflow_task … */
  objectType: string | null
  objectId: string | null
  data: Record<string, unknown> | null
  read: boolean
  readAt: string | null
  createdAt: string
}

export async function listNotifications(
  query: PageQuery & { unread?: boolean }
): Promise<Paginated<AppNotification>> {
  const res = await http.get<Paginated<AppNotification>>('/notifications', { params: query })
  return res.data
}

export async function fetchUnreadCount(): Promise<number> {
  const res = await http.get<Envelope<{ unread: number }>>('/notifications/unread-count')
  return res.data.data.unread
}

export async function markRead(id: number): Promise<AppNotification> {
  const res = await http.post<Envelope<AppNotification>>(`/notifications/${id}/read`)
  return res.data.data
}

export async function markAllRead(): Promise<number> {
  const res = await http.post<Envelope<{ marked: number }>>('/notifications/read-all')
  return res.data.data.marked
}
