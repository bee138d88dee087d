import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'
import type QualityCase from '#models/quality_case'

/** Catalog admins open and follow every case; a provider organisation sees its own. */
export default class QualityCasePolicy extends BasePolicy {
  open(actor: User) {
    return actor.hasPermission('catalog.manage')
  }

  listAll(actor: User) {
    return actor.hasPermission('catalog.manage') || actor.hasPermission('process.manage')
  }

  view(actor: User, qc: QualityCase) {
    return this.listAll(actor) || actor.organisationId === qc.providerOrgId
  }
}
