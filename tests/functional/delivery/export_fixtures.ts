import ExcelJS from 'exceljs'
import type { Group } from '@japa/runner/core'
import drive from '@adonisjs/drive/services/main'
import exportRunner from '#services/delivery/export_runner'
import { exportLimits } from '#config/exports'
import { demoUser } from '#tests/helpers'
import { DATASET, as, grantThroughRequest } from './fixtures.js'

/*
 * Export specs start like the delivery specs (a request auto-approved through the HTTP API),
 * with the export mode; the runner is driven by hand (it only polls in the web server).
 */
export async function exportGrant(client: any, username = 'applicant', overrides = {}) {
  return grantThroughRequest(client, username, { deliveryModes: ['export'], ...overrides })
}

export async function createExport(
  client: any,
  body: Record<string, unknown>,
  { username = 'applicant', key }: { username?: string; key?: string } = {}
) {
  const user = await demoUser(username)
  const request = client.post('/api/v1/exports').json({ datasetCode: DATASET, ...body })
  if (key) request.header('Idempotency-Key', key)
  return request.withGuard('api').loginAs(user)
}

/** Runs every due job to its end, as the background runner would. */
export function runExports() {
  return exportRunner.runPending()
}

export async function exportOf(client: any, id: number, username = 'applicant') {
  const response = await (await as(client, username)).get(`/api/v1/exports/${id}`)
  response.assertStatus(200)
  return response.body().data
}

export async function linkFor(client: any, id: number, username = 'applicant') {
  return (await as(client, username)).post(`/api/v1/exports/${id}/link`)
}

/** GET a download URL, the body kept as raw bytes whatever its type. */
export async function download(client: any, url: string, username = 'applicant') {
  const request = client
    .get(url)
    .withGuard('api')
    .loginAs(await demoUser(username))
  request.request.buffer(true).parse((res: any, done: (e: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = []
    res.on('data', (chunk: Buffer) => chunks.push(chunk))
    res.on('end', () => done(null, Buffer.concat(chunks)))
  })
  return request
}

/** Queue → run → link → bytes, asserting each step succeeded. */
export async function exportedFile(client: any, body: Record<string, unknown>) {
  const created = await createExport(client, body)
  created.assertStatus(202)
  await runExports()
  const job = await exportOf(client, created.body().data.id)
  if (job.status !== 'succeeded')
    throw new Error(`export ${job.id} ${job.status}: ${job.errorCode}`)
  const link = await linkFor(client, job.id)
  link.assertStatus(200)
  const response = await download(client, link.body().data.url)
  response.assertStatus(200)
  return { job, response, bytes: response.body() as Buffer }
}

/** The first sheet's rows as arrays of cell values (row 1 is the watermark, row 2 the header). */
export async function xlsxRows(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as any)
  const rows: unknown[][] = []
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return { workbook, rows }
}

/** Files go to drive's fake disk (tmp/drive-fakes), not storage/exports, and are dropped after. */
export function fakeStorage(group: Group) {
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })
}

/** Runs `body` with some export limits changed, then puts them back. */
export async function withLimits(changes: Partial<typeof exportLimits>, body: () => Promise<void>) {
  const saved = { ...exportLimits }
  Object.assign(exportLimits, changes)
  try {
    await body()
  } finally {
    Object.assign(exportLimits, saved)
  }
}

/*
 * Runs `step` inside the runner's move of a finished file to the (fake) drive, before the move:
 * the slow upload, where a test makes time pass, sweeps, or runs another worker. `times` calls
 * get the step; later ones move straight through.
 */
export function duringUpload(step: (key: string) => Promise<void>, times = 1) {
  const disk = drive.use()
  const move = disk.moveFromFs.bind(disk)
  let left = times
  disk.moveFromFs = async (path: any, key: string, options?: any) => {
    if (left-- > 0) await step(key)
    return move(path, key, options)
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
