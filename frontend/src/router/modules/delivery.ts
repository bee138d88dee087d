import type { RouteRecordRaw } from 'vue-router'
import { Connection, TrendCharts } from '@element-plus/icons-vue'

/** 数据服务: grants, API keys, exports, visual query, subscriptions and the usage trail. */
export default {
  path: 'delivery',
  meta: { title: 'menu.delivery', icon: Connection },
  children: [
    {
      path: 'visual',
      name: 'visual-query',
      component: () => import('@/views/delivery/VisualQueryView.vue'),
      meta: { title: 'visual.title', icon: TrendCharts, roles: ['applicant'] },
    },
  ],
} satisfies RouteRecordRaw
