import { rm, writeFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock'
import ExportJob from '#models/export_job'
import { exportLimits } from '#config/exports'
import exportRunner, { ExportRunner } from '#services/delivery/export_runner'
import { auditRows, isolate } from '#tests/helpers'
import { as, setupDelivery } from './fixtures.js'
import {
  createExport,
  exportGrant,
  exportOf,
  fakeStorage,
  runExports,
  withLimits,
} from './export_fixtures.js'

async function queued(client: any, body: Record<string, unknown> = {}) {
  const grant = await exportGrant(client)
  const response = await createExport(client, { grantId: grant.id, format: 'csv', ...body })
  response.assertStatus(202)
  return { grant, id: response.body().data.id as number }
}

test.group('Delivery · export jobs: runner, cancel, retries, caps', (group) => {
  isolate(group)
  fakeStorage(group)
  group.each.setup(() => setupDelivery())

  test('the same Idempotency-Key returns the same job; another key a new one', async ({
    client,
    assert,
  }) => {
    const grant = await exportGrant(client)
    const body = { grantId: grant.id, format: 'xlsx' }
    const first = await createExport(client, body, { key: 'submit-0001' })
    const again = await createExport(client, body, { key: 'submit-0001' })
    first.assertStatus(202)
    again.assertStatus(202)
    assert.equal(again.body().data.id, first.body().data.id)
    const other = await createExport(client, body, { key: 'submit-0002' })
    assert.notEqual(other.body().data.id, first.body().data.id)
    assert.lengthOf(await db.from('export_jobs'), 2)
    assert.lengthOf(await auditRows('export.create'), 2)
    ;(await createExport(client, body, { key: 'x' })).assertStatus(422)
  })

  test('a job is claimed by one runner only and runs once', async ({ client, assert }) => {
    const { id } = await queued(client)
    const [a, b] = [new ExportRunner(), new ExportRunner()]
    const claims = await Promise.all([a.claimNext(), b.claimNext(), a.claimNext()])
    assert.lengthOf(claims.filter(Boolean), 1)
    assert.equal(claims.find(Boolean)!.id, id)
    const holder = claims[1] ? b : a
    await holder.run(claims.find(Boolean)!)
    assert.deepEqual(await Promise.all([a.runPending(), b.runPending()]), [0, 0])
    const job = await exportOf(client, id)
    assert.equal(job.status, 'succeeded')
    assert.equal(job.attempts, 1)
    assert.lengthOf(await db.from('data_usage').where('mode', 'export'), 1)
  })

  test('cancel: a queued job never runs; a running one stops at the next batch', async ({
    client,
    assert,
  }) => {
    const api = await as(client, 'applicant')
    const { id, grant } = await queued(client)
    const cancelled = await api.post(`/api/v1/exports/${id}/cancel`)
    cancelled.assertStatus(200)
    assert.equal(cancelled.body().data.status, 'cancelled')
    assert.equal(await runExports(), 0)
    ;(await api.post(`/api/v1/exports/${id}/cancel`)).assertStatus(409)

    const running = await createExport(client, { grantId: grant.id, format: 'xlsx' })
    const job = (await exportRunner.claimNext())!
    assert.equal(job.id, running.body().data.id)
    assert.equal((await exportOf(client, job.id)).status, 'running')
    ;(await api.post(`/api/v1/exports/${job.id}/cancel`)).assertStatus(200)
    await exportRunner.run(job)
    const row = await ExportJob.findOrFail(job.id)
    assert.equal(row.status, 'cancelled')
    assert.isNull(row.fileKey)
    assert.equal(row.rowsWritten, 0)
    ;(await api.post(`/api/v1/exports/${job.id}/link`)).assertStatus(409)
    assert.lengthOf(await auditRows('export.cancel'), 2)
  })

  test('a failing export retries with back-off, then fails for admins to retry', async ({
    client,
    assert,
  }) => {
    const { id, grant } = await queued(client)
    // A broken scratch directory: the kind of fault an operator fixes, then retries.
    const scratch = app.tmpPath('exports')
    await rm(scratch, { recursive: true, force: true })
    await writeFile(scratch, 'not a directory')
    try {
      assert.equal(await runExports(), 1)
      let job = await exportOf(client, id)
      assert.equal(job.status, 'queued')
      assert.equal(job.attempts, 1)
      assert.isNotNull(job.nextAttemptAt)
      assert.equal(await runExports(), 0, 'waits for its back-off')
      clock.travel({ seconds: 31 })
      assert.equal(await runExports(), 1)
      clock.travel({ minutes: 2, seconds: 1 })
      assert.equal(await runExports(), 1)
      job = await exportOf(client, id)
      assert.equal(job.status, 'failed')
      assert.equal(job.attempts, exportLimits.maxAttempts)
      assert.isNotNull(job.errorCode)
      clock.travel({ hours: 1 })
      assert.equal(await runExports(), 0, 'a failed job stays failed')
    } finally {
      await rm(scratch, { force: true })
    }

    const usage = await db.from('data_usage').where('mode', 'export')
    assert.deepEqual(
      usage.map((u: any) => u.result),
      ['error']
    )
    for (const admin of ['sysadmin', 'secofficer']) {
      const listed = await (await as(client, admin)).get('/api/v1/exports?all=1&status=failed')
      listed.assertStatus(200)
      assert.deepEqual(
        listed.body().data.map((j: any) => j.id),
        [id]
      )
      // What an admin needs to fix it: how often it ran and what the last attempt hit.
      const [failed] = listed.body().data
      assert.equal(failed.attempts, exportLimits.maxAttempts)
      assert.equal(failed.errorCode, 'EEXIST')
      assert.include(failed.errorMessage, 'mkdir')
    }
    assert.notProperty(await exportOf(client, id), 'errorMessage', 'owners get the code only')

    // The rest of the request and grant is unaffected: still approved and active, and the
    // grant's other exports run once the fault is fixed.
    const applicant = await as(client, 'applicant')
    const request = await applicant.get(`/api/v1/requests/${grant.requestCode}`)
    assert.equal(request.body().data.status, 'approved')
    assert.equal((await applicant.get(`/api/v1/grants/${grant.id}`)).body().data.status, 'active')
    const other = await createExport(client, { grantId: grant.id, format: 'json' })
    other.assertStatus(202)
    assert.equal(await runExports(), 1)
    assert.equal((await exportOf(client, other.body().data.id)).status, 'succeeded')
    assert.equal((await exportOf(client, id)).status, 'failed', 'the failed job waits for an admin')

    ;(await applicant.post(`/api/v1/exports/${id}/retry`)).assertStatus(403)
    const retried = await (await as(client, 'sysadmin')).post(`/api/v1/exports/${id}/retry`)
    retried.assertStatus(200)
    assert.equal(retried.body().data.status, 'queued')
    assert.equal(retried.body().data.attempts, 0)
    assert.equal(await runExports(), 1)
    assert.equal((await exportOf(client, id)).status, 'succeeded')
    const [audit] = await auditRows('export.retry')
    assert.include(audit.details, 'previousError')
    ;(await (await as(client, 'sysadmin')).post(`/api/v1/exports/${id}/retry`)).assertStatus(409)
  })

  test('caps: rows and bytes fail the job with a clear code, no retry, no file', async ({
    client,
    assert,
  }) => {
    await withLimits({ maxRows: 5 }, async () => {
      const { id } = await queued(client)
      await runExports()
      const job = await exportOf(client, id)
      assert.equal(job.status, 'failed')
      assert.equal(job.errorCode, 'E_EXPORT_TOO_MANY_ROWS')
      assert.equal(job.attempts, 1)
      assert.equal(job.rowsTotal, null)
    })
    await withLimits({ maxBytes: 200 }, async () => {
      const { id } = await queued(client, { format: 'json' })
      await runExports()
      const job = await exportOf(client, id)
      assert.equal(job.errorCode, 'E_EXPORT_TOO_LARGE')
      assert.isNull((await ExportJob.findOrFail(id)).fileKey)
    })
  })

  test('rows per day: an export over what is left fails; a used-up quota is 429', async ({
    client,
    assert,
  }) => {
    const { id, grant } = await queued(client)
    await db.from('grants').where('id', grant.id).update({ rows_per_day: 15 })
    await runExports()
    assert.equal((await exportOf(client, id)).status, 'succeeded')
    const second = await createExport(client, { grantId: grant.id, format: 'csv' })
    second.assertStatus(202)
    await runExports()
    const job = await exportOf(client, second.body().data.id)
    assert.equal(job.status, 'failed')
    assert.equal(job.errorCode, 'E_QUOTA_EXCEEDED')
    await db.from('grants').where('id', grant.id).update({ rows_per_day: 11 })
    const refused = await createExport(client, { grantId: grant.id, format: 'csv' })
    refused.assertStatus(429)
    assert.equal(refused.body().error.code, 'E_QUOTA_EXCEEDED')
    assert.isNotNull(refused.header('retry-after'))
  })

  test('too many open exports of one user is 429 with Retry-After', async ({ client, assert }) => {
    const { grant } = await queued(client)
    ;(await createExport(client, { grantId: grant.id, format: 'json' })).assertStatus(202)
    const third = await createExport(client, { grantId: grant.id, format: 'xlsx' })
    third.assertStatus(429)
    assert.equal(third.body().error.code, 'E_EXPORT_TOO_MANY')
    assert.isAbove(Number(third.header('retry-after')), 0)
    await runExports()
    ;(await createExport(client, { grantId: grant.id, format: 'xlsx' })).assertStatus(202)
  })

  test('a job whose runner died is requeued by the sweep and finished by another', async ({
    client,
    assert,
  }) => {
    const { id } = await queued(client)
    const dead = new ExportRunner()
    assert.equal((await dead.claimNext())!.id, id)
    assert.deepEqual(await exportRunner.sweep(), { requeued: 0, expired: 0 })
    clock.travel({ seconds: exportLimits.leaseSeconds + 1 })
    assert.deepEqual(await exportRunner.sweep(), { requeued: 1, expired: 0 })
    assert.equal(await new ExportRunner().runPending(), 1)
    const job = await exportOf(client, id)
    assert.equal(job.status, 'succeeded')
    assert.equal(job.attempts, 2)
  })
})
