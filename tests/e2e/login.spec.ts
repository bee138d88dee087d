import { test } from '@japa/runner'
import type { Browser } from 'playwright-core'
import { baseUrl, launchBrowser, loginThroughUi } from './browser.js'

const PASSWORD = 'EcoShare@2026'

/*
 * The built SPA served by AdonisJS, in a real browser: Chinese login page, generic error,
 * role-aware menus (三权分立 visible in the UI too), logout.
 */
test.group('E2E / login and role-aware layout', (group) => {
  let browser: Browser
  group.setup(async () => {
    browser = await launchBrowser()
    return () => browser.close()
  })

  test('the login page is Chinese and a wrong password shows the generic message', async ({
    assert,
  }) => {
    const page = await browser.newPage()
    await page.goto(`${baseUrl()}/login`)
    await page.waitForSelector('text=用户登录', { timeout: 10000 })
    assert.include(await page.textContent('body'), '生态环境数据共享平台')
    await loginThroughUi(page, 'applicant', 'Wrong#Pass2026')
    await page.waitForSelector('.el-alert, .el-message', { timeout: 5000 })
    assert.include(await page.textContent('body'), '用户名或密码错误')
    assert.match(page.url(), /\/login/)
    await page.close()
  })

  test('the system admin sees user administration but not the audit log', async ({ assert }) => {
    const page = await browser.newPage()
    await loginThroughUi(page, 'sysadmin', PASSWORD)
    await page.waitForSelector('text=用户管理', { timeout: 10000 })
    const menu = await page.textContent('aside, .el-menu')
    assert.include(menu, '用户管理')
    assert.notInclude(menu, '审计日志')
    await page.goto(`${baseUrl()}/admin/users`)
    await page.waitForSelector('text=auditadmin', { timeout: 10000 })
    await page.goto(`${baseUrl()}/audit/events`)
    await page.waitForSelector('text=403', { timeout: 10000 })
    await page.close()
  })

  test('the audit admin sees only the audit log and can log out', async ({ assert }) => {
    const page = await browser.newPage()
    await loginThroughUi(page, 'auditadmin', PASSWORD)
    await page.waitForSelector('text=审计日志', { timeout: 10000 })
    const menu = await page.textContent('aside, .el-menu')
    assert.include(menu, '审计日志')
    assert.notInclude(menu, '用户管理')
    await page.click('text=退出登录')
    await page.waitForURL(/\/login/, { timeout: 10000 })
    const me = await page.request.get(`${baseUrl()}/api/v1/me`)
    assert.equal(me.status(), 401)
    await page.close()
  })
})
