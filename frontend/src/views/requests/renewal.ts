import { fetchGrant, type Grant } from '@/api/grants'
import { fetchRequest, type RequestForm } from '@/api/requests'

/**
 * 续期 / 变更范围: the request form prefilled from one of the applicant's grants. What was
 * actually granted (datasets, fields, scope, modes) wins over what was asked; legal basis and
 * contact come from the request behind it. The end date is left for the applicant to choose.
 */
export async function renewalOf(
  grantId: number
): Promise<{ grant: Grant; form: Partial<RequestForm> }> {
  const grant = await fetchGrant(grantId)
  const previous = await fetchRequest(grant.requestCode)
  // No fields named last time meant "all non-sensitive": keep meaning that rather than freezing the list.
  const namedFields = Boolean(previous.form.fields?.length)
  const scope = grant.rowScope && Object.keys(grant.rowScope).length ? grant.rowScope : null
  return {
    grant,
    form: {
      datasets: grant.datasets.map((d) => d.code),
      ...(namedFields ? { fields: [...new Set(grant.datasets.flatMap((d) => d.fields))] } : {}),
      rowScope: scope,
      purpose: grant.purpose,
      scenario: grant.scenario,
      legalBasis: previous.form.legalBasis,
      deliveryModes: grant.deliveryModes,
      contact: previous.form.contact,
    },
  }
}
