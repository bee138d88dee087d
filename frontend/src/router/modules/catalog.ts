import type { RouteRecordRaw } from 'vue-router'
import { Collection, Search } from '@element-plus/icons-vue'
import type { RoleCode } from '@/api/types'

/** Everyone holding catalog.read; the 三权分立 admins have no business data. */
export const CATALOG_ROLES: RoleCode[] = [
  'applicant',
  'dept_reviewer',
  'owner_reviewer',
  'security_officer',
  'catalog_admin',
  'process_admin',
]

/** 数据目录 */
export default {
  path: 'catalog',
  meta: { title: 'menu.catalog', icon: Collection, roles: CATALOG_ROLES },
  redirect: { name: 'catalog-search' },
  children: [
    {
      path: 'datasets',
      name: 'catalog-search',
      component: () => import('@/views/catalog/CatalogSearchView.vue'),
      meta: { title: 'menu.datasets', icon: Search },
    },
    {
      path: 'datasets/:id(\\d+)',
      name: 'catalog-dataset',
      component: () => import('@/views/catalog/DatasetDetailView.vue'),
      meta: { title: 'catalog.basicInfo', hidden: true },
    },
  ],
} satisfies RouteRecordRaw
