import type { RouteRecordRaw } from 'vue-router'
import { HomeFilled } from '@element-plus/icons-vue'

export default {
  path: '',
  name: 'home',
  component: () => import('@/views/home/HomeView.vue'),
  meta: { title: 'menu.home', icon: HomeFilled },
} satisfies RouteRecordRaw
