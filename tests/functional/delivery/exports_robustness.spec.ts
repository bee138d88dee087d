import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import clock from '#services/clock'
import ExportJob from '#models/export_job'
import RunExport from '#actions/delivery/run_export'
import { exportLimits } from '#config/exports'
import { rowsToday } from '#services/delivery/usage_log'
import exportRunner, { ExportRunner } from '#services/delivery/export_runner'
import { isolate } from '#tests/helpers'
import { as, data, issueKey, setupDelivery } from './fixtures.js'
import {
  createExport,
  download,
  duringUpload,
  exportGrant,
  exportOf,
  fakeStorage,
  linkFor,
  runExports,
  sleep,
  withLimits,
} from './export_fixtures.js'

async function queued(client: any, grantId: number, format = 'csv') {
  const response = await createExport(client, { grantId, format })
  response.assertStatus(202)
  return response.body().data.id as number
}

function exportUsage() {
  return db.from('data_usage').where('mode', 'export').orderBy('id')
}

/** Waits (really) until `ready()` or `ms` pass: lets a second worker reach the same step. */
async function until(ready: () => boolean, ms: number) {
  for (const end = Date.now() + ms; !ready() && Date.now() < end;) await sleep(10)
}

/*
 * Exports under load and faults: the day's quota held for concurrent jobs, heartbeats through
 * slow steps, a superseded attempt shut out, several jobs per instance, and a job that keeps
 * failing (SECURITY.md fault 7).
 */
test.group('Delivery · export jobs: quota reservations, heartbeats, concurrency', (group) => {
  isolate(group)
  fakeStorage(group)
  group.each.setup(() => setupDelivery())

  test('two exports over the rows left: one runs, the other is refused, never both', async ({
    client,
    assert,
  }) => {
    const grant = await exportGrant(client, 'applicant', { deliveryModes: ['api', 'export'] })
    const { secret } = await issueKey(client, [grant.id])
    const first = await queued(client, grant.id)
    await runExports()
    const n = (await exportOf(client, first)).rowsWritten as number
    assert.isAbove(n, 1)
    // n rows left today: room for one more export of the same rows, not two.
    await db
      .from('grants')
      .where('id', grant.id)
      .update({ rows_per_day: 2 * n })
    const ids = [await queued(client, grant.id), await queued(client, grant.id, 'json')]

    const seen: Record<string, any> = {}
    duringUpload(async () => {
      seen.reserved = await rowsToday(grant.id)
      const call = await data(client, secret)
      seen.data = { status: call.status(), retryAfter: call.header('retry-after') }
      const post = await createExport(client, { grantId: grant.id, format: 'xlsx' })
      seen.post = { status: post.status(), code: post.body().error?.code }
    })
    assert.equal(await runExports(), 2)

    const jobs = await Promise.all(ids.map((id) => exportOf(client, id)))
    assert.sameMembers(
      jobs.map((j) => j.status),
      ['succeeded', 'failed']
    )
    assert.equal(jobs.find((j) => j.status === 'failed').errorCode, 'E_QUOTA_EXCEEDED')
    // While the winner uploads, its reservation is the rest of the day: data calls and new
    // exports are 429 with Retry-After, though its rows are not in the usage trail yet.
    assert.equal(seen.reserved, 2 * n)
    assert.equal(seen.data.status, 429)
    assert.isAbove(Number(seen.data.retryAfter), 0)
    assert.deepEqual(seen.post, { status: 429, code: 'E_QUOTA_EXCEEDED' })
    const delivered = (await exportUsage()).filter((u: any) => u.result === 'success')
    assert.deepEqual(
      delivered.map((u: any) => Number(u.rows)),
      [n, n]
    )
    assert.equal(await rowsToday(grant.id), 2 * n, 'the reservation settled into usage once')
  })

  test('a cancel releases the reservation at once; the cancelled attempt leaves no file or usage', async ({
    client,
    assert,
  }) => {
    const grant = await exportGrant(client)
    const api = await as(client, 'applicant')
    const cancelled = await queued(client, grant.id)
    const during: number[] = []
    let key = ''
    duringUpload(async (uploading) => {
      key = uploading
      during.push(await rowsToday(grant.id))
      ;(await api.post(`/api/v1/exports/${cancelled}/cancel`)).assertStatus(200)
      during.push(await rowsToday(grant.id))
    })
    await runExports()
    const row = await ExportJob.findOrFail(cancelled)
    assert.equal(row.status, 'cancelled')
    assert.isAbove(during[0], 0)
    assert.deepEqual([during[1], await rowsToday(grant.id)], [0, 0])
    assert.lengthOf(await exportUsage(), 0)
    assert.isFalse(await drive.use().exists(key), 'the cancelled attempt removed its file')
  })

  test('a heartbeat keeps a slow count and a slow upload from being requeued', async ({
    client,
    assert,
  }) => {
    const grant = await exportGrant(client)
    const id = await queued(client, grant.id)
    const swept: unknown[] = []
    // Each slow step outlasts the lease on the clock; the timer beats meanwhile.
    const slow = async () => {
      clock.travel({ seconds: exportLimits.leaseSeconds + 60 })
      await sleep(100)
      swept.push(await exportRunner.sweep())
    }
    const proto = RunExport.prototype as any
    const count = proto.count
    proto.count = async function (builder: unknown) {
      await slow()
      return count.call(this, builder)
    }
    duringUpload(slow)
    try {
      await withLimits({ heartbeatMs: 20 }, async () => {
        assert.equal(await runExports(), 1)
      })
    } finally {
      proto.count = count
    }
    const none = { requeued: 0, expired: 0 }
    assert.deepEqual(swept, [none, none])
    const job = await exportOf(client, id)
    assert.equal(job.status, 'succeeded')
    assert.equal(job.attempts, 1)
    assert.lengthOf(await exportUsage(), 1)
  })

  test('an attempt taken over while it uploads writes no state, file or usage', async ({
    client,
    assert,
  }) => {
    const grant = await exportGrant(client)
    const id = await queued(client, grant.id)
    const seen: Record<string, any> = {}
    // No beat during the upload (a hung store, a paused VM): the sweep requeues the job and
    // another instance claims it before the first attempt wakes up.
    const other = new ExportRunner()
    duringUpload(async (key) => {
      seen.firstKey = key
      clock.travel({ seconds: exportLimits.leaseSeconds + 1 })
      seen.swept = await exportRunner.sweep()
      seen.released = await rowsToday(grant.id)
      seen.second = await other.claimNext()
    })
    assert.equal(await exportRunner.runPending(), 1)

    assert.deepEqual(seen.swept, { requeued: 1, expired: 0 })
    assert.equal(seen.released, 0)
    // The first attempt woke up while the second one runs: it changed nothing of it.
    let row = await ExportJob.findOrFail(id)
    assert.equal(row.status, 'running')
    assert.equal(row.attempts, 2)
    assert.equal(row.attemptToken, seen.second.attemptToken)
    assert.isNull(row.fileKey)
    assert.isFalse(await drive.use().exists(seen.firstKey), 'the stale attempt removed its file')
    assert.lengthOf(await exportUsage(), 0)

    await other.run(seen.second)
    row = await ExportJob.findOrFail(id)
    assert.equal(row.status, 'succeeded')
    assert.equal(row.rowsReserved, 0)
    assert.isTrue(await drive.use().exists(row.fileKey!))
    const usage = await exportUsage()
    assert.lengthOf(usage, 1)
    assert.equal(await rowsToday(grant.id), Number(usage[0].rows))
    const link = await linkFor(client, id)
    ;(await download(client, link.body().data.url)).assertStatus(200)
  })

  test('an instance runs EXPORT_CONCURRENCY jobs at once, each exactly once', async ({
    client,
    assert,
  }) => {
    const grant = await exportGrant(client)
    let active = 0
    let peak = 0
    const overlap = async () => {
      peak = Math.max(peak, ++active)
      await until(() => active === 2, 1500)
      active--
    }
    for (const concurrency of [2, 1]) {
      const ids = [await queued(client, grant.id), await queued(client, grant.id, 'xlsx')]
      peak = 0
      duringUpload(overlap, 2)
      await withLimits({ concurrency }, async () => {
        assert.equal(await exportRunner.runPending(), 2)
      })
      assert.equal(peak, concurrency)
      for (const id of ids) {
        const job = await exportOf(client, id)
        assert.equal(job.status, 'succeeded')
        assert.equal(job.attempts, 1)
        const usage = (await exportUsage()).filter((u: any) => JSON.parse(u.filter).exportId === id)
        assert.lengthOf(usage, 1)
      }
    }
  })

  test('a job whose runner keeps dying ends failed for admins, who retry it', async ({
    client,
    assert,
  }) => {
    const grant = await exportGrant(client)
    const id = await queued(client, grant.id)
    for (let attempt = 1; attempt <= exportLimits.maxAttempts; attempt++) {
      const job = await new ExportRunner().claimNext()
      assert.equal(job?.id, id, `attempt ${attempt} claimed`)
      clock.travel({ seconds: exportLimits.leaseSeconds + 1 })
      assert.deepEqual(await exportRunner.sweep(), { requeued: 1, expired: 0 })
    }
    assert.isNull(await exportRunner.claimNext(), 'out of attempts: not requeued')
    const listed = await (await as(client, 'sysadmin')).get('/api/v1/exports?all=1&status=failed')
    const [failed] = listed.body().data
    assert.equal(failed.id, id)
    assert.equal(failed.attempts, exportLimits.maxAttempts)
    assert.equal(failed.errorCode, 'E_EXPORT_RUNNER_LOST')
    assert.include(failed.errorMessage, 'heartbeat')
    assert.equal(await rowsToday(grant.id), 0, 'no reservation outlives the crashed attempts')

    const retried = await (await as(client, 'sysadmin')).post(`/api/v1/exports/${id}/retry`)
    retried.assertStatus(200)
    assert.equal(await runExports(), 1)
    const job = await exportOf(client, id)
    assert.equal(job.status, 'succeeded')
    assert.equal(job.attempts, 1)
    assert.lengthOf(await exportUsage(), 1)
  })
})
