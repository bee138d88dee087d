import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { baseUrl, launchBrowser, loginThroughUi } from './browser.js'

export const PASSWORD = 'EcoShare@2026'

/**
 * The catalog entries the demo city ships (db:seed registers them in development only); the
 * suite runs in the app's process, so it upserts them the way the seeder does. Idempotent.
 */
export async function seedCatalog(): Promise<void> {
  const { registerStoreDatasets } = await import('#database/generator/register_datasets')
  await registerStoreDatasets()
}

/** Group setup of the request suites: the catalog, and one Chromium closed at the end. */
export function withCatalogAndBrowser(group: {
  setup: (handler: () => Promise<() => Promise<void>>) => unknown
}): () => Browser {
  let browser: Browser
  group.setup(async () => {
    await seedCatalog()
    browser = await launchBrowser()
    return () => browser.close()
  })
  return () => browser
}
const SCREENS = 'tmp/screens'

/** A fresh browser context per user, signed in through the login page. */
export async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await loginThroughUi(page, username, PASSWORD)
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 10000 })
  return page
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true })
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true })
}

/** A bearer token for arranging state through the API (the UI under test is not the subject). */
export async function apiToken(username: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  const body = (await res.json()) as { data: { token: string; user: { id: number } } }
  return body.data.token
}

export async function api<T>(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: {
      'Authorization': `Bearer ${token}`,
      'Content-Type': 'application/json',
      'Accept': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  // 204 (decisions) has no body.
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
}

/** Arranges a conditional request (dept head → owner → security) without the form. */
export async function submitByApi(username = 'applicant'): Promise<string> {
  const { body } = await api<{ data: { code: string } }>(
    await apiToken(username),
    'POST',
    '/requests',
    {
      datasets: ['PS-ONLINE-002'],
      purpose: '排口水质关联分析',
      scenario: '流域综合分析',
      legalBasis: '《水污染防治法》',
      validUntil: '2027-12-31',
      deliveryModes: ['api'],
      contact: '李申请',
    }
  )
  return body.data.code
}

const dialog = (page: Page) => page.locator('.el-dialog:visible')

/** Types into the open dialog's text area and confirms it. */
export async function confirmDialog(page: Page, text: string): Promise<void> {
  await dialog(page).locator('textarea').fill(text)
  await dialog(page).locator('.el-dialog__footer .el-button--primary').click()
}

/** Searches the open dialog's people picker for a username and picks that person. */
export async function pickPerson(page: Page, username: string): Promise<void> {
  const picker = dialog(page).locator('.people-picker')
  await picker.click()
  await picker.locator('input').fill(username)
  await page
    .locator('.el-select-dropdown__item:visible', { hasText: `(${username})` })
    .first()
    .click()
  await dialog(page).locator('.el-dialog__header').click()
  // The dropdown fades out over the dialog's fields; wait until it is gone before typing on.
  await page
    .locator('.el-select__popper[aria-hidden="false"]')
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() =>
      page.locator('.el-select__popper[aria-hidden="false"]').waitFor({ state: 'hidden' })
    )
}

export async function expectMessage(page: Page, text: string): Promise<string> {
  const message = page.locator('.el-message', { hasText: text }).first()
  await message.waitFor({ timeout: 10000 })
  return (await message.textContent()) ?? ''
}

/** From 待办, opens the task of this request and presses one of the node's buttons. */
export async function openTask(page: Page, code: string): Promise<void> {
  await page.goto(`${baseUrl()}/inbox/tasks`)
  const row = page.locator('.el-table__row', { hasText: code }).first()
  await row.getByRole('button', { name: '办理' }).first().click()
}

export async function approveTask(page: Page, code: string, opinion: string): Promise<void> {
  await openTask(page, code)
  await page.locator('[data-op="approve"]').click()
  await confirmDialog(page, opinion)
  await expectMessage(page, '已同意')
  await page.waitForURL(/\/inbox\/tasks(\?|$)/, { timeout: 10000 })
}

/** The catalog admin turns a dataset into 不予共享 with a stated legal basis. */
export async function markNotShared(id: number, legalBasis: string): Promise<string> {
  const token = await apiToken('catalogadmin')
  const { body } = await api<{ data: { code: string; version: number } }>(
    token,
    'GET',
    `/catalog/datasets/${id}`
  )
  await api(token, 'PATCH', `/catalog/datasets/${id}`, {
    sharingAttribute: 'not_shared',
    legalBasis,
    version: body.data.version,
  })
  return body.data.code
}

/** Polls until nothing matches (client-side validation settles asynchronously). */
export async function waitForNone(page: Page, selector: string, timeout = 5000): Promise<number> {
  const until = Date.now() + timeout
  let count = await page.locator(selector).count()
  while (count > 0 && Date.now() < until) {
    await page.waitForTimeout(100)
    count = await page.locator(selector).count()
  }
  return count
}

/** Arranges the head's approval of a request through the API; returns the task id. */
export async function approveByApi(username: string, code: string): Promise<string> {
  const token = await apiToken(username)
  const { body } = await api<{ data: { id: string; requestCode: string; version: number }[] }>(
    token,
    'GET',
    '/inbox/todo?perPage=100'
  )
  const task = body.data.find((item) => item.requestCode === code)!
  await api(token, 'POST', `/inbox/tasks/${task.id}/decision`, {
    action: 'approve',
    opinion: '同意',
    version: task.version,
  })
  return task.id
}
