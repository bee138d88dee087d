import type DataRequest from '#models/data_request'
import Grant from '#models/grant'
import Dataset from '#models/dataset'
import clock from '#services/clock'
import type { WorkflowPort } from '#workflow/port'
import { actionsOf } from '#services/requests/request_actions'
import { withNames } from '#services/requests/people'
import { transformTimeline } from '#transformers/request_transformer'

/*
 * A renewal or scope change shows reviewers what was granted last time and who decided it,
 * so they judge the difference rather than start from nothing.
 */
export async function previousGrantOf(port: WorkflowPort, request: DataRequest) {
  if (!request.previousGrantId) return null
  const grant = await Grant.query()
    .where('id', request.previousGrantId)
    .preload('datasets')
    .firstOrFail()
  const names = await Dataset.query()
    .whereIn(
      'code',
      grant.datasets.map((d) => d.datasetCode)
    )
    .select('code', 'nameZh', 'nameEn')
  const instance = await port.findInstance('data_request', grant.requestCode)
  const history = instance ? await port.history(instance.id) : []
  const timeline = transformTimeline(history, await actionsOf(grant.requestCode))
  const decisions = await withNames(timeline.filter((entry) => entry.decision !== null))
  return {
    id: grant.id,
    code: grant.code,
    status: grant.effectiveStatus(clock.now()),
    requestCode: grant.requestCode,
    validFrom: grant.validFrom.toISO(),
    validUntil: grant.validUntil.toISO(),
    deliveryModes: grant.deliveryModes,
    rowScope: grant.rowScope,
    datasets: grant.datasets.map((d) => {
      const dataset = names.find((n) => n.code === d.datasetCode)
      return {
        code: d.datasetCode,
        name: dataset?.nameZh ?? d.datasetCode,
        nameEn: dataset?.nameEn ?? d.datasetCode,
        fields: d.fields,
      }
    }),
    decisions: decisions.map((entry) => ({
      node: entry.activityId,
      actorName: entry.actorName,
      outcome: entry.decision,
      opinion: entry.opinion,
      at: entry.occurredAt,
    })),
  }
}
