import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/api/auth'
import { ApiError } from '@/api/http'
import type { CurrentUser, RoleCode } from '@/api/types'
import { useDatasetsStore } from './datasets'
import { useInboxStore } from './inbox'
import { useNotificationsStore } from './notifications'
import { useOrganisationsStore } from './organisations'
import { usePeopleStore } from './people'

export const useSessionStore = defineStore('session', () => {
  const user = ref<CurrentUser | null>(null)
  /** True once /me has answered, so the guard asks the server only once per page load. */
  const loaded = ref(false)

  const isAuthenticated = computed(() => user.value !== null)
  const roles = computed<RoleCode[]>(() => user.value?.roles ?? [])
  const permissions = computed<string[]>(() => user.value?.permissions ?? [])

  function hasAnyRole(required: readonly RoleCode[] | undefined): boolean {
    if (!required || required.length === 0) return true
    return required.some((role) => roles.value.includes(role))
  }

  /** Fine-grained actions follow the server's permission list, which is what it enforces. */
  function can(permission: string): boolean {
    return permissions.value.includes(permission)
  }

  /** Resolves with null when there is no session; other failures (server down) are thrown. */
  async function load(): Promise<CurrentUser | null> {
    try {
      user.value = await authApi.fetchMe()
      usePeopleStore().learn(user.value.id, user.value.displayName)
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error
      user.value = null
    }
    loaded.value = true
    return user.value
  }

  async function login(username: string, password: string): Promise<CurrentUser> {
    await authApi.login({ username, password })
    // The login answer has no permissions; /me is the single source of the session's shape.
    const me = await load()
    if (!me) throw new ApiError(401, 'E_UNAUTHORIZED', 'session not established')
    return me
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  /** Forget the user locally (after logout or when the server says the session is gone). */
  function clear(): void {
    user.value = null
    loaded.value = true
    // Shared office desktops: nothing fetched for one user stays in memory for the next.
    useOrganisationsStore().reset()
    useDatasetsStore().reset()
    useInboxStore().reset()
    useNotificationsStore().reset()
    usePeopleStore().reset()
  }

  return {
    user,
    loaded,
    isAuthenticated,
    roles,
    permissions,
    hasAnyRole,
    can,
    load,
    login,
    logout,
    clear,
  }
})
