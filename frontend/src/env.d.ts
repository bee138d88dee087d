/// <reference types="vite/client" />

import type { Component } from 'vue'
import type { RoleCode } from '@/api/types'
import type { MessageSchema } from '@/locales/zh-CN'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (login). */
    public?: boolean
    /** The user needs at least one of these roles; checked on every matched record. */
    roles?: RoleCode[]
    /** i18n key of the menu entry and document title. */
    title?: string
    icon?: Component
    /** Kept out of the sidebar (error pages). */
    hidden?: boolean
  }
}

declare module 'vue-i18n' {
  // Type-checks every t('…') key against the Chinese messages, the source of truth.
  export interface DefineLocaleMessage extends MessageSchema {}
}

declare module 'axios' {
  interface AxiosRequestConfig {
    /** The caller handles 401 itself (login attempt, initial session probe). */
    skipAuthRedirect?: boolean
  }
}
