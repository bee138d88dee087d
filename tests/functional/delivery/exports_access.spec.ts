import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import clock from '#services/clock'
import exportRunner from '#services/delivery/export_runner'
import { auditRows, isolate } from '#tests/helpers'
import { as, setupDelivery } from './fixtures.js'
import {
  createExport,
  download,
  exportGrant,
  exportOf,
  fakeStorage,
  linkFor,
  runExports,
} from './export_fixtures.js'

/** A finished CSV export of the applicant and a fresh download link for it. */
async function finishedExport(client: any) {
  const grant = await exportGrant(client)
  const created = await createExport(client, { grantId: grant.id, format: 'csv' })
  created.assertStatus(202)
  await runExports()
  const id = created.body().data.id
  const link = await linkFor(client, id)
  link.assertStatus(200)
  return { grant, id, url: link.body().data.url as string }
}

async function fileKeyOf(id: number) {
  const row = await db.from('export_jobs').where('id', id).firstOrFail()
  return row.file_key as string | null
}

test.group('Delivery · export downloads: links, grant re-check, IDOR', (group) => {
  isolate(group)
  fakeStorage(group)
  group.each.setup(() => setupDelivery())

  test('a link is single-purpose: altered signature or expiry is 401, a late one 410', async ({
    client,
    assert,
  }) => {
    const { url } = await finishedExport(client)
    const signature = new URL(url, 'http://x').searchParams.get('signature')!
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A')
    for (const tampered of [
      url.replace(signature, flipped),
      url.replace(/expires=(\d+)/, (_, e) => `expires=${Number(e) + 3600}`),
      url.replace(/&signature=.*/, ''),
      url.split('?')[0],
    ]) {
      const response = await download(client, tampered)
      response.assertStatus(401)
      assert.equal(JSON.parse(response.body().toString()).error.code, 'E_EXPORT_LINK_INVALID')
    }
    ;(await download(client, url)).assertStatus(200)
    clock.travel({ minutes: 6 })
    const late = await download(client, url)
    late.assertStatus(410)
    assert.equal(JSON.parse(late.body().toString()).error.code, 'E_EXPORT_LINK_EXPIRED')
    const denied = await auditRows('export.download')
    assert.deepEqual(
      denied.map((row: any) => row.result),
      ['denied', 'success', 'denied', 'denied', 'denied', 'denied']
    )
  })

  test('a grant revoked after the export stops the download (403) and new links', async ({
    client,
    assert,
  }) => {
    const { grant, id, url } = await finishedExport(client)
    const officer = await as(client, 'secofficer')
    ;(await officer.post(`/api/v1/grants/${grant.id}/revoke`, { reason: '用途变更' })).assertStatus(
      200
    )
    const response = await download(client, url)
    response.assertStatus(403)
    assert.equal(JSON.parse(response.body().toString()).error.code, 'E_GRANT_REVOKED')
    const link = await linkFor(client, id)
    link.assertStatus(403)
    const usage = await db.from('data_usage').where('mode', 'download')
    assert.deepEqual(
      usage.map((u: any) => [u.result, Number(u.status), u.error_code]),
      [['denied', 403, 'E_GRANT_REVOKED']]
    )
  })

  test('a grant past its end is expired for downloads even before the timer runs', async ({
    client,
    assert,
  }) => {
    const { grant, url } = await finishedExport(client)
    await db
      .from('grants')
      .where('id', grant.id)
      .update({ valid_until: clock.now().minus({ minutes: 1 }).toFormat('yyyy-MM-dd HH:mm:ss') })
    const response = await download(client, url)
    response.assertStatus(403)
    assert.equal(JSON.parse(response.body().toString()).error.code, 'E_GRANT_EXPIRED')
  })

  test('a cleaned-up file is 410; retention expires old jobs and deletes their files', async ({
    client,
    assert,
  }) => {
    const first = await finishedExport(client)
    await drive.use().delete((await fileKeyOf(first.id))!)
    const gone = await download(client, first.url)
    gone.assertStatus(410)
    assert.equal(JSON.parse(gone.body().toString()).error.code, 'E_EXPORT_GONE')

    const created = await createExport(client, { grantId: first.grant.id, format: 'json' })
    await runExports()
    const key = (await fileKeyOf(created.body().data.id))!
    assert.isTrue(await drive.use().exists(key))
    assert.deepEqual(await exportRunner.sweep(), { requeued: 0, expired: 0 })
    clock.travel({ hours: 73 })
    const swept = await exportRunner.sweep()
    assert.equal(swept.expired, 2)
    assert.isFalse(await drive.use().exists(key))
    const job = await exportOf(client, created.body().data.id)
    assert.equal(job.status, 'expired')
    assert.isFalse(job.downloadable)
    ;(await linkFor(client, job.id)).assertStatus(409)
  })

  test("user B cannot see, cancel, link or download A's export (404)", async ({
    client,
    assert,
  }) => {
    const { id, url } = await finishedExport(client)
    const b = await as(client, 'enterprise')
    for (const [method, path] of [
      ['get', `/api/v1/exports/${id}`],
      ['post', `/api/v1/exports/${id}/cancel`],
      ['post', `/api/v1/exports/${id}/link`],
      ['get', url],
      ['get', `/api/v1/exports/999999`],
    ]) {
      const response = method === 'get' ? await b.get(path) : await b.post(path)
      assert.equal(response.status(), 404, `${method} ${path}`)
    }
    assert.lengthOf((await b.get('/api/v1/exports')).body().data, 0)
    ;(await b.get('/api/v1/exports?all=1')).assertStatus(403)
    ;(await b.post(`/api/v1/exports/${id}/retry`)).assertStatus(403)
    // B cannot export through A's grant either.
    const grantA = (await db.from('export_jobs').where('id', id).firstOrFail()).grant_id
    const foreign = await createExport(
      client,
      { grantId: grantA, format: 'csv' },
      { username: 'enterprise' }
    )
    foreign.assertStatus(404)
    ;(await download(client, url)).assertStatus(200)
    assert.equal((await exportOf(client, id)).status, 'succeeded')
  })
})
