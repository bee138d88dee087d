import type { RouteRecordRaw } from 'vue-router'
import { Document, Tickets } from '@element-plus/icons-vue'
import { INBOX_ROLES } from './inbox'

/** 我的申请: applicants file requests; reviewers open the ones they took part in from the inbox. */
export default {
  path: 'requests',
  meta: {
    title: 'menu.requests',
    icon: Tickets,
    roles: ['applicant', 'process_admin', ...INBOX_ROLES],
  },
  redirect: { name: 'my-requests' },
  children: [
    {
      path: '',
      name: 'my-requests',
      component: () => import('@/views/requests/MyRequestsView.vue'),
      meta: { title: 'menu.myRequests', icon: Document, roles: ['applicant'] },
    },
    {
      path: 'new',
      name: 'request-new',
      component: () => import('@/views/requests/RequestFormView.vue'),
      meta: { title: 'requests.formTitle', hidden: true, roles: ['applicant'] },
    },
    {
      path: ':code(REQ-\\d{8}-[0-9A-F]{8})',
      name: 'request-detail',
      component: () => import('@/views/requests/RequestDetailView.vue'),
      meta: { title: 'requests.detailTitle', hidden: true },
    },
    {
      path: ':code(REQ-\\d{8}-[0-9A-F]{8})/amend',
      name: 'request-amend',
      component: () => import('@/views/requests/RequestFormView.vue'),
      meta: { title: 'requests.amendTitle', hidden: true, roles: ['applicant'] },
    },
  ],
} satisfies RouteRecordRaw
