import type QualityCase from '#models/quality_case'
import type { QualityCaseStatus } from '#models/quality_case'
import clock from '#services/clock'
import { notifyOpenTasks } from '#services/notifications/request_notifications'
import { routeUnmatched } from '#services/requests/unmatched_tasks'
import type { WorkflowPort } from '#workflow/port'

export const QUALITY_PROCESS = 'quality_rectification'

/*
 * The case row mirrors its process: rectifying (the provider's `rectify` step, round N), verifying
 * (the catalog admin checks), closed when the process ends; `escalated` once the overdue timer
 * has brought the provider's head in.
 */
export async function syncQualityCase(port: WorkflowPort, qc: QualityCase) {
  if (qc.status === 'closed') return qc
  const instance = await port.findInstance(QUALITY_PROCESS, qc.code)
  if (!instance) return qc
  let status: QualityCaseStatus = 'rectifying'
  let escalated = qc.escalated
  if (instance.status !== 'running') {
    status = 'closed'
  } else {
    await routeUnmatched(port, instance.id)
    const open = await port.queryTasks({ instanceId: instance.id, status: 'open' })
    if (open.some((t) => t.activityId === 'verify')) status = 'verifying'
    escalated ||= open.some((t) => t.activityId === 'escalate')
    await notifyOpenTasks(port, qc.code, instance.id)
  }
  if (!escalated) {
    const history = await port.history(instance.id)
    escalated = history.some((e) => e.activityId === 'escalate' && e.type === 'task_created')
  }
  const round = typeof instance.variables.round === 'number' ? instance.variables.round : qc.round
  if (
    status === qc.status &&
    round === qc.round &&
    escalated === qc.escalated &&
    qc.processInstanceId === instance.id
  )
    return qc
  qc.merge({
    status,
    round,
    escalated,
    processInstanceId: instance.id,
    closedAt: status === 'closed' ? clock.now() : qc.closedAt,
    version: qc.version + 1,
  })
  await qc.save()
  return qc
}

/** The background loop keeps open cases in step (the overdue timer fires without anyone calling). */
export async function syncOpenQualityCases(port: WorkflowPort, limit = 200) {
  const { default: QualityCase } = await import('#models/quality_case')
  const open = await QualityCase.query().whereNot('status', 'closed').orderBy('id').limit(limit)
  for (const qc of open) await syncQualityCase(port, qc)
  return open.length
}
