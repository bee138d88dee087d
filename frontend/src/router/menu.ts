import type { RouteRecordRaw } from 'vue-router'
import home from './modules/home'
import catalog from './modules/catalog'
import requests from './modules/requests'
import inbox from './modules/inbox'
import delivery from './modules/delivery'
import system from './modules/system'
import audit from './modules/audit'

/** Sidebar order; each entry is one menu section and one router module. */
export const menuSections: RouteRecordRaw[] = [
  home,
  catalog,
  requests,
  inbox,
  delivery,
  system,
  audit,
]
