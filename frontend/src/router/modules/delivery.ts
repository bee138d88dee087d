import type { RouteRecordRaw } from 'vue-router'
import { Connection, Download, TrendCharts } from '@element-plus/icons-vue'

/** 数据服务: grants, API keys, exports, visual query, subscriptions and the usage trail. */
export default {
  path: 'delivery',
  meta: { title: 'menu.delivery', icon: Connection },
  children: [
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
  ],
} satisfies RouteRecordRaw
