import type { RouteRecordRaw } from 'vue-router'
import {
  Connection,
  DataLine,
  Download,
  Key,
  Medal,
  Promotion,
  TrendCharts,
} from '@element-plus/icons-vue'
import type { RoleCode } from '@/api/types'

/** Who reads grants and usage: their holders, the owners of the datasets, the overseers. */
const GRANT_READERS: RoleCode[] = ['applicant', 'owner_reviewer', 'security_officer', 'audit_admin']

/** 数据服务: grants, API keys, exports, visual query, subscriptions and the usage trail. */
export default {
  path: 'delivery',
  meta: { title: 'menu.delivery', icon: Connection },
  redirect: { name: 'grants' },
  children: [
    {
      path: 'grants',
      name: 'grants',
      component: () => import('@/views/delivery/GrantsView.vue'),
      meta: { title: 'menu.grants', icon: Medal, roles: GRANT_READERS },
    },
    {
      path: 'grants/:id(\\d+)',
      name: 'grant-detail',
      component: () => import('@/views/delivery/GrantDetailView.vue'),
      meta: { title: 'grants.detailTitle', hidden: true, roles: GRANT_READERS },
    },
    {
      path: 'keys',
      name: 'keys',
      component: () => import('@/views/delivery/ApiKeysView.vue'),
      meta: { title: 'menu.apiKeys', icon: Key, roles: ['applicant'] },
    },
    {
      path: 'exports',
      name: 'delivery-exports',
      component: () => import('@/views/delivery/ExportsView.vue'),
      meta: { title: 'exports.title', icon: Download, roles: ['applicant'] },
    },
    {
      path: 'visual',
      name: 'visual-query',
      component: () => import('@/views/delivery/VisualQueryView.vue'),
      meta: { title: 'visual.title', icon: TrendCharts, roles: ['applicant'] },
    },
    {
      path: 'usage',
      name: 'usage',
      component: () => import('@/views/delivery/UsageView.vue'),
      meta: { title: 'menu.usage', icon: DataLine, roles: GRANT_READERS },
    },
    {
      path: 'subscriptions',
      name: 'delivery-subscriptions',
      component: () => import('@/views/delivery/SubscriptionsView.vue'),
      meta: { title: 'subscriptions.title', icon: Promotion, roles: ['applicant'] },
    },
  ],
} satisfies RouteRecordRaw
