import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import type { WorkflowPort } from '#workflow/port'
import type { ExternalWorker } from '#workflow/tasks/external_worker'

/** The approval both workflow benchmarks drive: internal applicant, one general dataset. */
export const variables = (org: string) => ({
  applicant: 'u-applicant',
  applicantOrg: org,
  applicantInternal: true,
  datasets: [
    { code: 'DS-1', sharingAttribute: 'conditional', grade: 'general', ownerOrg: 'OWN-A' },
  ],
  validUntil: DateTime.utc().plus({ days: 30 }).toISO(),
})

/** One batch through the port: start, route, both reviews, then every topic down to the grant's timer. */
export async function approvalBatch(port: WorkflowPort, worker: ExternalWorker, count: number) {
  async function completeAll(activityId: string, decision: Record<string, unknown>) {
    const tasks = await port.queryTasks({ processKey: 'data_request', activityId })
    for (const task of tasks) await port.complete(task.id, decision, task.version, 'bench')
    return tasks.length
  }
  for (let i = 0; i < count; i++)
    await port.startByKey('data_request', `BENCH-${randomUUID()}`, variables('APP-ORG'))
  await worker.drain(1000)
  const dept = await completeAll('dept_review', { decision: 'approve', opinion: '同意' })
  await worker.drain(1000)
  const owner = await completeAll('owner_review', { approved: true })
  await worker.drain(1000)
  if (dept !== count || owner !== count)
    throw new Error(`batch lost tasks: ${dept} dept, ${owner} owner reviews for ${count}`)
}
