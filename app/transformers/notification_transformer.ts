import type Notification from '#models/notification'

export function transformNotification(notification: Notification) {
  return {
    id: notification.id,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    objectType: notification.objectType,
    objectId: notification.objectId,
    data: notification.data,
    read: notification.readAt !== null,
    readAt: notification.readAt?.toISO() ?? null,
    createdAt: notification.createdAt.toISO(),
  }
}
