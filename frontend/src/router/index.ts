import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { i18n } from '@/locales'
import { useSessionStore } from '@/stores/session'
import { menuSections } from './menu'
import errorRoutes from './modules/errors'

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('@/views/login/LoginView.vue'),
      meta: { public: true, title: 'login.title' },
    },
    {
      path: '/',
      component: () => import('@/layouts/MainLayout.vue'),
      children: [...menuSections, ...errorRoutes],
    },
  ],
  scrollBehavior: () => ({ top: 0 }),
})

/** Only same-site paths: `?redirect=//evil.example` (or `/\evil.example`) must not leave the app. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/'
}

/** Every matched level must allow the user: a section's roles guard all of its pages. */
function isAllowed(
  to: RouteLocationNormalized,
  session: ReturnType<typeof useSessionStore>
): boolean {
  return to.matched.every((record) => session.hasAnyRole(record.meta.roles))
}

router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (!session.loaded) {
    try {
      await session.load()
    } catch {
      // Server unreachable: the login page shows the error when the user tries again.
      if (!to.meta.public) return { name: 'login', query: { redirect: to.fullPath } }
    }
  }
  if (to.meta.public) {
    return to.name === 'login' && session.isAuthenticated ? safeRedirect(to.query.redirect) : true
  }
  if (!session.isAuthenticated) return { name: 'login', query: { redirect: to.fullPath } }
  if (!isAllowed(to, session)) {
    return { name: 'forbidden', query: { from: to.fullPath }, replace: true }
  }
  return true
})

/** Also called when the language changes, so the tab title follows. */
export function applyDocumentTitle(to: RouteLocationNormalized = router.currentRoute.value): void {
  const { t } = i18n.global
  document.title = to.meta.title ? `${t(to.meta.title)} - ${t('app.name')}` : t('app.name')
}

router.afterEach((to) => applyDocumentTitle(to))
