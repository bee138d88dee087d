import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import exportRunner from '#services/delivery/export_runner'
import { baseUrl } from './browser.js'
import { api, expectMessage, screenshot, signedIn, withCatalogAndBrowser } from './flows.js'
import { choose, ensureHourlyRows, grantWith, waitForText } from './delivery_flows.js'

/*
 * 文件导出 in a real browser: the 新建导出 dialog queues a CSV, the runner (driven here as the
 * functional specs do; it only polls in the web server) writes it, the list's own polling shows
 * 已完成, and 下载 hands the browser a file with the watermark and the granted rows.
 */
const rowOf = (page: Page, id: number) =>
  page
    .locator('.exports-table .el-table__row')
    .filter({ has: page.locator('td:first-child .cell', { hasText: new RegExp(`^${id}$`) }) })

async function queueCsv(page: Page, grantCode: string): Promise<number> {
  await page.click('button.new-export')
  const dialog = page.locator('.new-export-dialog')
  await choose(page, '.new-export-dialog .export-grant', grantCode)
  await dialog.locator('.el-radio-button', { hasText: 'CSV' }).click()
  // The id from the answer itself: an earlier job's message may still be on screen.
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/exports')
    ),
    dialog.locator('.export-submit').click(),
  ])
  const id = ((await response.json()) as { data: { id: number } }).data.id
  await expectMessage(page, `已创建导出任务 ${id}`)
  return id
}

test.group('E2E / 文件导出', (group) => {
  const browserOf = withCatalogAndBrowser(group)
  group.setup(() => ensureHourlyRows())

  test('a CSV export runs to 已完成 and downloads with the watermark; a cancelled one shows 已取消', async ({
    assert,
  }) => {
    const grant = await grantWith(['export'], '导出空气质量月报')
    const page = await signedIn(browserOf(), 'applicant')
    await page.goto(`${baseUrl()}/delivery/exports`)

    const id = await queueCsv(page, grant.code)
    await waitForText(page, '.exports-table', '排队中')
    assert.equal(await exportRunner.runPending(), 1)
    const row = rowOf(page, id)
    // The list polls every 2 s while a job is queued or running.
    await row.locator('.el-tag', { hasText: '已完成' }).waitFor({ timeout: 10000 })
    assert.include(await row.textContent(), '空气质量小时数据')
    assert.equal(await row.locator('.el-progress.is-success').count(), 1)
    await screenshot(page, 'exports-01-done')

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10000 }),
      row.getByRole('button', { name: '下载' }).click(),
    ])
    assert.match(download.suggestedFilename(), /\.csv$/)
    const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '')
    const lines = text.trimEnd().split('\r\n')
    assert.include(lines[0], `EcoShare 导出水印 | 授权 ${grant.code} | 申请人`)
    assert.include(lines[0], `任务 ${id}`)
    assert.include(lines[1], 'station_code')
    assert.include(lines[1], 'pm25')
    const job = await api<{ data: { rowsWritten: number } }>(grant.token, 'GET', `/exports/${id}`)
    // 12 hourly rows of the fixture, one labelled sensitive: a general grant exports 11.
    assert.equal(job.body.data.rowsWritten, 11)
    assert.lengthOf(lines.slice(2), 11)
    assert.deepEqual(
      [...new Set(lines.slice(2).map((line) => line.split(',')[0].replaceAll('"', '')))].sort(),
      ['AS001', 'AS002', 'AS003']
    )

    // A second job, cancelled while it waits: never run, shown as 已取消.
    const other = await queueCsv(page, grant.code)
    const queued = rowOf(page, other)
    await queued.locator('.el-tag', { hasText: '排队中' }).waitFor({ timeout: 10000 })
    await queued.getByRole('button', { name: '取消' }).click()
    await page.locator('.el-message-box .el-button--primary').click()
    await expectMessage(page, `已取消导出任务 ${other}`)
    await queued.locator('.el-tag', { hasText: '已取消' }).waitFor({ timeout: 10000 })
    await page.locator('.el-message-box').waitFor({ state: 'hidden', timeout: 5000 })
    assert.equal(await exportRunner.runPending(), 0)
    assert.equal(await queued.getByRole('button', { name: '下载' }).count(), 0)
    await screenshot(page, 'exports-02-cancelled')
    await page.close()
  }).timeout(120000)
})
