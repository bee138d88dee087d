import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { auditRows, isolate } from '#tests/helpers'
import { GRANTED_FIELDS, grantThroughRequest, setupDelivery } from './fixtures.js'
import {
  createExport,
  exportGrant,
  exportedFile,
  exportOf,
  fakeStorage,
  runExports,
  xlsxRows,
} from './export_fixtures.js'

const stationHour = (row: { station_code: string; observed_at: string }) =>
  `${row.station_code}@${row.observed_at.slice(11, 13)}`

test.group('Delivery · file exports from request to file', (group) => {
  isolate(group)
  fakeStorage(group)
  group.each.setup(() => setupDelivery())

  test('CSV: watermark line, header, granted rows only; usage and audit rows', async ({
    client,
    assert,
  }) => {
    const grant = await exportGrant(client)
    assert.deepEqual(grant.deliveryModes, ['export'])
    const { job, response, bytes } = await exportedFile(client, {
      grantId: grant.id,
      format: 'csv',
      bom: true,
    })
    assert.equal(job.rowsTotal, 11)
    assert.equal(job.rowsWritten, 11)
    assert.equal(job.progress, 100)
    assert.equal(job.bytes, bytes.length)
    assert.include(response.header('content-type'), 'text/csv')
    assert.equal(response.header('cache-control'), 'no-store')
    const disposition = response.header('content-disposition')
    assert.include(disposition, `filename="EQ-AIR-002_export_${job.id}.csv"`)
    assert.include(disposition, `filename*=UTF-8''`)
    assert.include(disposition, encodeURIComponent(`_导出${job.id}.csv`))

    const text = bytes.toString('utf8')
    assert.isTrue(text.startsWith('\uFEFF# EcoShare 导出水印'))
    const lines = text.trim().split('\r\n')
    assert.include(lines[0], `授权 ${grant.code}`)
    assert.include(lines[0], `任务 ${job.id}`)
    assert.equal(lines[1], GRANTED_FIELDS.join(','))
    const rows = lines.slice(2).map((line) => {
      const [station, observed] = line.split(',')
      return stationHour({ station_code: station, observed_at: observed })
    })
    assert.lengthOf(rows, 11)
    // AS003@03 is labelled sensitive, which a general grant never reaches.
    assert.notInclude(rows, 'AS003@03')
    assert.include(lines, 'AS001,2026-01-01T03:00:00Z,420102,23')

    const usage = await db.from('data_usage').where('grant_id', grant.id).orderBy('id')
    assert.deepEqual(
      usage.map((u: any) => [u.mode, Number(u.rows), u.result]),
      [
        ['export', 11, 'success'],
        ['download', 0, 'success'],
      ]
    )
    assert.equal(Number(usage[1].bytes), bytes.length)
    assert.lengthOf(await auditRows('export.create'), 1)
    const [downloaded] = await auditRows('export.download')
    assert.equal(downloaded.result, 'success')
    assert.equal(downloaded.object_id, String(job.id))
  })

  test('XLSX: watermark in the workbook properties and the first row, numbers as numbers', async ({
    client,
    assert,
  }) => {
    const grant = await exportGrant(client)
    const { job, response, bytes } = await exportedFile(client, {
      grantId: grant.id,
      format: 'xlsx',
      fields: ['station_code', 'observed_at', 'pm25'],
    })
    assert.include(response.header('content-type'), 'spreadsheetml')
    const { workbook, rows } = await xlsxRows(bytes)
    assert.equal(workbook.subject, grant.code)
    assert.include(workbook.description, `任务 ${job.id}`)
    assert.include(workbook.description, '申请人')
    assert.include(workbook.keywords, `grant:${grant.code}`)
    assert.include(String(rows[0][0]), `授权 ${grant.code}`)
    assert.deepEqual(rows[1], ['station_code', 'observed_at', 'pm25'])
    assert.lengthOf(rows, 13)
    const data = rows.slice(2)
    assert.deepInclude(data, ['AS002', '2026-01-01T01:00:00Z', 31])
    assert.notDeepInclude(data, ['AS003', '2026-01-01T03:00:00Z', 43])
    assert.isTrue(data.every((row) => typeof row[2] === 'number'))
  })

  test('JSON: a watermark object, then the rows and their count', async ({ client, assert }) => {
    const grant = await exportGrant(client)
    const { job, bytes } = await exportedFile(client, {
      grantId: grant.id,
      format: 'json',
      filters: { station_code: 'AS001', pm25: { gte: 21 } },
    })
    const body = JSON.parse(bytes.toString('utf8'))
    assert.equal(body.watermark.grantCode, grant.code)
    assert.equal(body.watermark.jobId, job.id)
    assert.include(body.watermark.text, '导出时间')
    assert.deepEqual(body.fields, GRANTED_FIELDS)
    assert.sameMembers(body.data.map(stationHour), ['AS001@01', 'AS001@02', 'AS001@03'])
    assert.deepEqual(body.meta, { rows: 3 })
  })

  test('fields outside the grant are 403 by name, in selection and filters; no job', async ({
    client,
    assert,
  }) => {
    const grant = await exportGrant(client)
    for (const body of [
      { fields: ['station_code', 'so2'] },
      { filters: { aqi: 40 } },
      { filters: { so2: { gte: 1 } } },
    ]) {
      const response = await createExport(client, { grantId: grant.id, format: 'csv', ...body })
      response.assertStatus(403)
      assert.equal(response.body().error.code, 'E_FIELDS_NOT_GRANTED')
    }
    const named = await createExport(client, {
      grantId: grant.id,
      format: 'csv',
      fields: ['pm25', 'so2'],
    })
    assert.deepEqual(named.body().error.details, [{ field: 'so2', rule: 'notGranted' }])
    assert.lengthOf(await db.from('export_jobs'), 0)
    const refused = await db.from('data_usage').where('grant_id', grant.id)
    assert.lengthOf(refused, 4)
    assert.isTrue(refused.every((u: any) => u.result === 'denied' && u.mode === 'export'))
  })

  test('an export never contains rows outside the grant’s row scope', async ({
    client,
    assert,
  }) => {
    const grant = await exportGrant(client, 'applicant', { rowScope: 'district_code=420107' })
    assert.deepEqual(grant.rowScope, { districts: ['420107'] })
    const all = await exportedFile(client, { grantId: grant.id, format: 'json' })
    const rows = JSON.parse(all.bytes.toString('utf8')).data
    assert.sameMembers(rows.map(stationHour), ['AS003@00', 'AS003@01', 'AS003@02'])

    // Filtering for rows outside the scope narrows to nothing instead of widening it.
    const outside = await createExport(client, {
      grantId: grant.id,
      format: 'xlsx',
      filters: { district_code: '420102' },
    })
    outside.assertStatus(202)
    await runExports()
    const job = await exportOf(client, outside.body().data.id)
    assert.equal(job.status, 'succeeded')
    assert.equal(job.rowsTotal, 0)
  })

  test('bad input is 4xx with a reason: filters, body fields, mode, grant', async ({
    client,
    assert,
  }) => {
    const grant = await exportGrant(client)
    const badFilter = await createExport(client, {
      grantId: grant.id,
      format: 'csv',
      filters: { pm25: { gte: 'many' } },
    })
    badFilter.assertStatus(422)
    assert.equal(badFilter.body().error.details[0].field, 'pm25[gte]')
    const reserved = await createExport(client, {
      grantId: grant.id,
      format: 'csv',
      filters: { limit: 5 },
    })
    reserved.assertStatus(422)
    assert.equal(reserved.body().error.details[0].field, 'filters.limit')
    const unknownBody = await createExport(client, {
      grantId: grant.id,
      format: 'csv',
      status: 'succeeded',
    })
    unknownBody.assertStatus(422)
    const badFormat = await createExport(client, { grantId: grant.id, format: 'pdf' })
    badFormat.assertStatus(422)

    const apiOnly = await grantThroughRequest(client)
    const noMode = await createExport(client, { grantId: apiOnly.id, format: 'csv' })
    noMode.assertStatus(403)
    assert.equal(noMode.body().error.code, 'E_MODE_NOT_GRANTED')
    const otherDataset = await createExport(client, {
      grantId: grant.id,
      datasetCode: 'EQ-AIR-001',
      format: 'csv',
    })
    otherDataset.assertStatus(403)
    assert.equal(otherDataset.body().error.code, 'E_DATASET_NOT_GRANTED')
    const missing = await createExport(client, { grantId: 999999, format: 'csv' })
    missing.assertStatus(404)
  })
})
