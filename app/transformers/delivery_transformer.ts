import type Grant from '#models/grant'
import type ApiKey from '#models/api_key'

/** Allow-list shapes of grants and keys; a key's hash never leaves the server. */
export function transformGrant(grant: Grant, status = grant.status) {
  return {
    id: grant.id,
    code: grant.code,
    requestCode: grant.requestCode,
    applicantId: grant.applicantId,
    applicantOrgId: grant.applicantOrgId,
    // Owners and the security officer act on other organisations' grants: they need the name.
    applicantOrgName: grant.$preloaded.applicantOrg ? grant.applicantOrg.name : null,
    datasets: (grant.$preloaded.datasets ? grant.datasets : []).map((d) => ({
      code: d.datasetCode,
      ownerOrgId: d.ownerOrgId,
      fields: d.fields,
      labelScope: d.labelScope,
    })),
    rowScope: grant.rowScope,
    purpose: grant.purpose,
    scenario: grant.scenario,
    deliveryModes: grant.deliveryModes,
    decision: grant.decision,
    validFrom: grant.validFrom.toISO(),
    validUntil: grant.validUntil.toISO(),
    quota: { rowsPerDay: grant.rowsPerDay, callsPerMinute: grant.callsPerMinute },
    status,
    statusReason: grant.statusReason,
    version: grant.version,
    createdAt: grant.createdAt.toISO(),
  }
}

export function transformApiKey(key: ApiKey) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    status: key.status,
    grantIds: (key.$preloaded.grants ? key.grants : []).map((g) => g.id),
    expiresAt: key.expiresAt.toISO(),
    lastUsedAt: key.lastUsedAt?.toISO() ?? null,
    rotatedAt: key.rotatedAt?.toISO() ?? null,
    revokedAt: key.revokedAt?.toISO() ?? null,
    createdAt: key.createdAt.toISO(),
  }
}
