import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'
import type Grant from '#models/grant'

/** Reviewers of a provider organisation act for the datasets that organisation owns. */
export function ownsDatasetOf(actor: User, grant: Grant) {
  return (
    actor.roles.includes('owner_reviewer') &&
    grant.datasets.some((d) => d.ownerOrgId === actor.organisationId)
  )
}

/*
 * Grants: the applicant, the owners of its datasets, the security officer and the audit admin
 * may see one (anyone else gets 404 from the controller); owners and the security officer
 * may suspend, resume or revoke it. `grant.datasets` must be preloaded.
 */
export default class GrantPolicy extends BasePolicy {
  view(actor: User, grant: Grant) {
    return (
      grant.applicantId === actor.id ||
      ownsDatasetOf(actor, grant) ||
      actor.roles.includes('security_officer') ||
      actor.hasPermission('audit.read')
    )
  }

  manage(actor: User, grant: Grant) {
    return ownsDatasetOf(actor, grant) || actor.roles.includes('security_officer')
  }

  /** Using a grant's data (visual query): only its holder, as "my grants" lists them. */
  use(actor: User, grant: Grant) {
    return grant.applicantId === actor.id
  }

  /** "Grants of my datasets": reviewers of a provider organisation. */
  listOwned(actor: User) {
    return actor.roles.includes('owner_reviewer')
  }

  listAll(actor: User) {
    return actor.roles.includes('security_officer') || actor.hasPermission('audit.read')
  }

  /** Keys are issued by the applicant for their own grants only (checked again in the action). */
  issueKeys(actor: User) {
    return actor.hasPermission('request.create')
  }
}
