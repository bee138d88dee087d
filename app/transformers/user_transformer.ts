import type User from '#models/user'
import { decryptPersonal, maskPhone } from '#services/personal_data'

/** Allow-list of what the API shows of a user; the phone is always masked. */
export function transformUser(user: User) {
  const organisation = user.$preloaded.organisation ? user.organisation : null
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    phone: maskPhone(decryptPersonal(user.phoneEncrypted)),
    organisationId: user.organisationId,
    organisation: organisation
      ? {
          id: organisation.id,
          code: organisation.code,
          name: organisation.name,
          type: organisation.type,
        }
      : null,
    roles: user.roles,
    status: user.status,
    lockedUntil: user.lockedUntil?.toISO() ?? null,
    lastLoginAt: user.lastLoginAt?.toISO() ?? null,
    createdAt: user.createdAt.toISO(),
  }
}

export function transformCurrentUser(user: User) {
  return { ...transformUser(user), permissions: user.permissions }
}
