import type { RouteRecordRaw } from 'vue-router'
import { Connection, Download } from '@element-plus/icons-vue'

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
  ],
} satisfies RouteRecordRaw
