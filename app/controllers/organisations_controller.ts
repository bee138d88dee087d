import type { HttpContext } from '@adonisjs/core/http'
import Organisation from '#models/organisation'
import OrganisationPolicy from '#policies/organisation_policy'
import SaveOrganisation from '#actions/organisations/save_organisation'
import { routeId, validateBody } from '#validators/strict'
import {
  CREATE_ORGANISATION_FIELDS,
  UPDATE_ORGANISATION_FIELDS,
  createOrganisationValidator,
  updateOrganisationValidator,
} from '#validators/organisation'
import {
  buildOrganisationTree,
  transformOrganisation,
} from '#transformers/organisation_transformer'
import { actorFromContext } from '#services/audit/audit_log'

export default class OrganisationsController {
  async tree(ctx: HttpContext) {
    await ctx.bouncer.with(OrganisationPolicy).authorize('viewList')
    const orgs = await Organisation.query().preload('headUser').orderBy('sortOrder').orderBy('id')
    return { data: buildOrganisationTree(orgs) }
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(OrganisationPolicy).authorize('manage')
    const input = await validateBody(ctx, createOrganisationValidator, CREATE_ORGANISATION_FIELDS)
    const org = await new SaveOrganisation().create(input, actorFromContext(ctx))
    return ctx.response.created({ data: transformOrganisation(org) })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(OrganisationPolicy).authorize('manage')
    const input = await validateBody(ctx, updateOrganisationValidator, UPDATE_ORGANISATION_FIELDS)
    const org = await new SaveOrganisation().update(routeId(ctx), input, actorFromContext(ctx))
    await org.load('headUser')
    return { data: transformOrganisation(org) }
  }
}
