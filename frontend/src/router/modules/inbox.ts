import type { RouteRecordRaw } from 'vue-router'
import { Checked, Stamp } from '@element-plus/icons-vue'
import type { RoleCode } from '@/api/types'

/** Holders of task.review, plus the catalog admin who decides appeals. */
export const INBOX_ROLES: RoleCode[] = [
  'dept_reviewer',
  'owner_reviewer',
  'security_officer',
  'catalog_admin',
]

/** 审批中心 */
export default {
  path: 'inbox',
  meta: { title: 'menu.inbox', icon: Stamp, roles: INBOX_ROLES },
  redirect: { name: 'inbox' },
  children: [
    {
      path: 'tasks',
      name: 'inbox',
      component: () => import('@/views/inbox/InboxView.vue'),
      meta: { title: 'menu.tasks', icon: Checked },
    },
    {
      path: 'tasks/:id',
      name: 'inbox-task',
      component: () => import('@/views/inbox/TaskView.vue'),
      meta: { title: 'task.title', hidden: true },
    },
  ],
} satisfies RouteRecordRaw
