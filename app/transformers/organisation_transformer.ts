import type Organisation from '#models/organisation'

export interface OrganisationNode extends ReturnType<typeof transformOrganisation> {
  children: OrganisationNode[]
}

export function transformOrganisation(org: Organisation) {
  const head = org.$preloaded.headUser ? org.headUser : null
  return {
    id: org.id,
    code: org.code,
    name: org.name,
    nameEn: org.nameEn,
    type: org.type,
    parentId: org.parentId,
    creditCode: org.creditCode,
    districtCode: org.districtCode,
    headUserId: org.headUserId,
    headUser: head ? { id: head.id, displayName: head.displayName } : null,
  }
}

/** Builds the tree in one pass over a flat, ordered list. */
export function buildOrganisationTree(orgs: Organisation[]): OrganisationNode[] {
  const nodes = new Map<number, OrganisationNode>()
  for (const org of orgs) nodes.set(org.id, { ...transformOrganisation(org), children: [] })
  const roots: OrganisationNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}
