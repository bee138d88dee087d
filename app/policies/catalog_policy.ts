import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'

/*
 * Reading the catalog needs no policy: visibility is decided per dataset (catalog_viewer.ts).
 * Changing it is the catalog admin's; metadata history is for staff who may read the catalog.
 */
export default class CatalogPolicy extends BasePolicy {
  manage(actor: User) {
    return actor.hasPermission('catalog.manage')
  }

  readHistory(actor: User) {
    return actor.hasPermission('catalog.read') || actor.hasPermission('catalog.manage')
  }
}
