import Organisation from '#models/organisation'
import type User from '#models/user'

/** A source of candidate-group names for a user; the catalog adds e.g. `dataset-owner:<code>`. */
export interface GroupSource {
  groupsFor(user: User): Promise<string[]>
}

/*
 * Candidate groups are plain strings in the .bpmn (resolved by our app, not the engine):
 * `role:<role>`, `org:<orgCode>:<role>` and `org:<orgCode>:head` for the organisation's head.
 */
export class RoleGroupSource implements GroupSource {
  async groupsFor(user: User): Promise<string[]> {
    const organisation = await Organisation.find(user.organisationId)
    const roles = user.roles
    const groups = roles.map((role) => `role:${role}`)
    if (organisation) {
      groups.push(...roles.map((role) => `org:${organisation.code}:${role}`))
      const headed = await Organisation.query().where('headUserId', user.id).select('code')
      groups.push(...headed.map((org) => `org:${org.code}:head`))
    }
    return groups
  }
}

export class GroupResolver {
  constructor(private readonly sources: GroupSource[] = [new RoleGroupSource()]) {}

  register(source: GroupSource) {
    this.sources.push(source)
  }

  async groupsFor(user: User): Promise<string[]> {
    const all = await Promise.all(this.sources.map((source) => source.groupsFor(user)))
    return [...new Set(all.flat())].sort()
  }
}
