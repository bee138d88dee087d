import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import exportRunner from '#services/delivery/export_runner'
import { startReceiver, type Receiver } from '#tests/functional/delivery/subscription_fixtures'
import { baseUrl, loginThroughUi } from './browser.js'
import { PASSWORD, api, screenshot, withCatalogAndBrowser } from './flows.js'
import { DATASET, choose, ensureHourlyRows, grantWith } from './delivery_flows.js'

/*
 * A user's look at every 数据服务 page, per role and language: screenshots in tmp/screens
 * (walk-<user>-<locale>-<page>.png) and the faults a user notices checked on each page —
 * untranslated message keys, raw error codes, dataset codes where the name is known, a page
 * wider than the window, a table that scrolls sideways at 1440 px, a cell cut off with no tooltip.
 */
const PAGES: Record<string, string[]> = {
  applicant: ['grants', 'keys', 'exports', 'visual', 'subscriptions', 'usage'],
  ownerreviewer: ['grants', 'usage'],
  secofficer: ['grants', 'usage'],
  auditadmin: ['grants', 'usage'],
}
const RAW_KEY =
  /\b(menu|common|grants|apiKeys|keys|exports|visual|subscriptions|usage|deliveryModes|errors)\.[a-zA-Z][\w.]*/
const RAW_CODE = /\bE_[A-Z][A-Z_]{2,}\b/

async function signedInAs(page: Page, username: string) {
  await loginThroughUi(page, username, PASSWORD)
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 10000 })
}

/** What is wrong on the page as shown; empty when nothing a user would notice. */
async function problems(page: Page, locale: string): Promise<string[]> {
  const found: string[] = []
  const text = await page.locator('.page-card').first().innerText()
  const key = RAW_KEY.exec(text)
  if (key) found.push(`raw key ${key[0]}`)
  const code = RAW_CODE.exec(text)
  if (code) found.push(`raw code ${code[0]}`)
  if (locale === 'en' && /[\u4e00-\u9fff]/.test(await page.locator('.page-title').innerText()))
    found.push('Chinese title in English')
  // A table cell holding only a dataset code (EQ-AIR-002) or a district code (420102).
  const coded = (await page.locator('.page-card .el-table .cell').allInnerTexts())
    .map((cell) => cell.trim())
    .filter((cell) => /^[A-Z]{2,3}-[A-Z]{2,6}-\d{3}$|^\d{6}$/.test(cell))
  if (coded.length) found.push(`codes without names: ${[...new Set(coded)].join(', ')}`)
  // Run in the page (a string, as the suite compiles without the DOM types).
  const sideways = await page.evaluate<{
    page: boolean
    tables: number
    clipped: string[]
  }>(`(() => ({
    page: document.documentElement.scrollWidth > window.innerWidth,
    tables: [...document.querySelectorAll('.page-card .el-table .el-scrollbar__wrap')].filter(
      (wrap) => wrap.scrollWidth > wrap.clientWidth + 1
    ).length,
    clipped: [...document.querySelectorAll('.page-card .el-table .cell')]
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1 && !cell.classList.contains('el-tooltip'))
      .map((cell) => cell.innerText.trim().slice(0, 40)),
  }))()`)
  if (sideways.page) found.push('page wider than the window')
  if (sideways.tables) found.push(`${sideways.tables} table(s) scroll sideways`)
  // Cut off without the tooltip that would show the rest.
  if (sideways.clipped.length) found.push(`clipped: ${sideways.clipped.join(' | ')}`)
  return found
}

test.group('E2E / 数据服务 walk (roles × languages)', (group) => {
  const browserOf = withCatalogAndBrowser(group)
  let receiver: Receiver
  let grantCode = ''
  group.setup(async () => {
    await ensureHourlyRows()
    receiver = await startReceiver()
    // Something on every page: a grant with every mode, a finished export, a subscription.
    const grant = await grantWith(['api', 'export', 'visual_query', 'subscription'], '全模式巡检')
    grantCode = grant.code
    await api(grant.token, 'POST', '/exports', {
      grantId: grant.id,
      datasetCode: DATASET,
      format: 'xlsx',
    })
    await exportRunner.runPending()
    await api(grant.token, 'POST', '/subscriptions', {
      grantId: grant.id,
      datasetCode: DATASET,
      url: receiver.url,
    })
    return () => receiver.close()
  })

  for (const locale of ['zh-CN', 'en']) {
    for (const [username, pages] of Object.entries(PAGES)) {
      test(`${username} · ${locale}`, async ({ assert }) => {
        const context = await browserOf().newContext({ viewport: { width: 1440, height: 1000 } })
        await context.addInitScript((value) => {
          localStorage.setItem('ecoshare.locale', value)
        }, locale)
        const page = await context.newPage()
        await signedInAs(page, username)
        const seen: Record<string, string[]> = {}
        for (const name of pages) {
          await page.goto(`${baseUrl()}/delivery/${name}`)
          await page.locator('.page-title').first().waitFor({ timeout: 10000 })
          await page.waitForLoadState('networkidle')
          if (name === 'visual') {
            // This grant, by district: the series are named, not coded.
            await choose(page, '.visual-grant', grantCode)
            await choose(page, '.visual-group', locale === 'en' ? 'District' : '行政区')
            await page.click('.visual-run')
            await page.locator('.visual-chart canvas').waitFor({ timeout: 10000 })
          }
          await page.waitForTimeout(300) // transitions settle, for a readable screenshot
          await screenshot(page, `walk-${username}-${locale}-${name}`)
          seen[name] = await problems(page, locale)
          if (name === 'grants') {
            // The first grant's page too.
            const link = page.locator('.grants-table .el-table__row a').first()
            if (await link.count()) {
              await link.click()
              await page.locator('.grant-detail').waitFor({ timeout: 10000 })
              await page.waitForLoadState('networkidle')
              await page.waitForTimeout(300) // the tags' zoom-in
              await screenshot(page, `walk-${username}-${locale}-grant-detail`)
              seen['grant-detail'] = await problems(page, locale)
            }
          }
        }
        await context.close()
        const faults = Object.entries(seen).filter(([, list]) => list.length > 0)
        assert.deepEqual(Object.fromEntries(faults), {})
      }).timeout(120000)
    }
  }
})
