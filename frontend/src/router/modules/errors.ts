import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: '403',
    name: 'forbidden',
    component: () => import('@/views/errors/ForbiddenView.vue'),
    meta: { title: 'errors.forbiddenTitle', hidden: true },
  },
  {
    path: ':pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/errors/NotFoundView.vue'),
    meta: { title: 'errors.notFoundTitle', hidden: true },
  },
] satisfies RouteRecordRaw[]
