import type { RouteRecordRaw } from 'vue-router'
import { Document, Lock } from '@element-plus/icons-vue'

/** 安全审计: only the audit admin reads audit records (三权分立). */
export default {
  path: 'audit',
  meta: { title: 'menu.audit', icon: Lock, roles: ['audit_admin'] },
  redirect: { name: 'audit-events' },
  children: [
    {
      path: 'events',
      name: 'audit-events',
      component: () => import('@/views/audit/AuditEventsView.vue'),
      meta: { title: 'menu.auditEvents', icon: Document, roles: ['audit_admin'] },
    },
  ],
} satisfies RouteRecordRaw
