import type { RouteRecordRaw } from 'vue-router'
import { Connection, Promotion } from '@element-plus/icons-vue'

/** 数据服务: grants, API keys, exports, visual query, subscriptions and the usage trail. */
export default {
  path: 'delivery',
  meta: { title: 'menu.delivery', icon: Connection },
  children: [
    {
      path: 'subscriptions',
      name: 'delivery-subscriptions',
      component: () => import('@/views/delivery/SubscriptionsView.vue'),
      meta: { title: 'subscriptions.title', icon: Promotion, roles: ['applicant'] },
    },
  ],
} satisfies RouteRecordRaw
