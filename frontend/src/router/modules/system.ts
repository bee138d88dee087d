import type { RouteRecordRaw } from 'vue-router'
import { OfficeBuilding, Setting, User } from '@element-plus/icons-vue'

/** 系统管理: user and organisation administration (三权分立: no audit records here). */
export default {
  path: 'admin',
  meta: { title: 'menu.system', icon: Setting, roles: ['system_admin', 'security_admin'] },
  redirect: { name: 'admin-users' },
  children: [
    {
      path: 'users',
      name: 'admin-users',
      component: () => import('@/views/admin/UsersView.vue'),
      // The security admin reviews accounts and roles but does not change them.
      meta: { title: 'menu.users', icon: User, roles: ['system_admin', 'security_admin'] },
    },
    {
      path: 'organisations',
      name: 'admin-organisations',
      component: () => import('@/views/admin/OrganisationsView.vue'),
      meta: { title: 'menu.organisations', icon: OfficeBuilding, roles: ['system_admin'] },
    },
  ],
} satisfies RouteRecordRaw
