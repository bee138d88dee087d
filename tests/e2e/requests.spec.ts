import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import { baseUrl } from './browser.js'
import {
  approveTask,
  expectMessage,
  markNotShared,
  screenshot,
  withCatalogAndBrowser,
  signedIn,
  submitByApi,
  waitForNone,
} from './flows.js'

/*
 * The request journey in a real browser: an applicant finds a 有条件共享 dataset in the catalog,
 * fills the Formily form, and the reviewers approve it one after another in their inboxes.
 */
test.group('E2E / data request from catalog to approval', (group) => {
  const browserOf = withCatalogAndBrowser(group)

  async function fillRequestForm(page: Page): Promise<void> {
    const item = (label: string) =>
      page.locator(`.el-form-item:has(.el-form-item__label:text-is("${label}"))`)
    await item('用途').locator('textarea').fill('排污口在线监测与河湖水质关联分析')
    await item('使用场景').locator('textarea').fill('流域水环境综合治理会商')
    await item('法律依据').locator('textarea').fill('《中华人民共和国水污染防治法》第二十三条')
    await item('联系人').locator('input').fill('李申请 13871230001')
    const date = item('有效期至').locator('input')
    await date.fill('2027-06-30')
    await date.press('Enter')
  }

  test('applicant submits from the catalog; dept head, owner and security approve', async ({
    assert,
  }) => {
    const applicant = await signedIn(browserOf(), 'applicant')
    await applicant.goto(`${baseUrl()}/catalog/datasets?sharing=conditional`)
    const card = applicant.locator('.dataset-card[data-code="PS-ONLINE-002"]')
    await card.waitFor({ timeout: 10000 })
    assert.include(await card.textContent(), '有条件共享')
    await screenshot(applicant, '01-catalog')
    await card.getByRole('button', { name: '申请数据' }).click()

    await applicant.waitForSelector('.request-form .el-select__tags-text, .request-form .el-tag', {
      timeout: 10000,
    })
    assert.include(await applicant.textContent('.request-form'), 'PS-ONLINE-002')
    // Required fields are checked by the schema before anything is sent.
    await applicant.click('button.submit')
    await applicant.waitForSelector('.el-form-item__error', { timeout: 5000 })
    await fillRequestForm(applicant)
    // Filled fields revalidate (asynchronously): no stale message stays next to them.
    assert.equal(await waitForNone(applicant, '.el-form-item__error'), 0)
    await screenshot(applicant, '02-request-form')
    await applicant.click('button.submit')
    await applicant.waitForURL(/\/requests\/REQ-\d{8}-[0-9A-F]{8}$/, { timeout: 15000 })
    const code = applicant.url().split('/').pop()!
    await applicant.waitForSelector('text=部门负责人审核', { timeout: 10000 })
    assert.include(await applicant.textContent('.request-status'), '审核中')
    await screenshot(applicant, '03-request-submitted')

    const head = await signedIn(browserOf(), 'deptreviewer')
    await head.goto(`${baseUrl()}/inbox/tasks`)
    await head.locator('.el-table__row', { hasText: code }).waitFor({ timeout: 10000 })
    await screenshot(head, '04-inbox-todo')
    await approveTask(head, code, '同意，用于流域治理会商')
    await head.close()

    const owner = await signedIn(browserOf(), 'ownerreviewer')
    await approveTask(owner, code, '数据提供方同意共享')
    await owner.close()

    const security = await signedIn(browserOf(), 'secofficer')
    await approveTask(security, code, '安全审核通过')
    await security.close()

    await applicant.goto(`${baseUrl()}/requests/${code}`)
    await applicant.waitForSelector('.request-timeline', { timeout: 10000 })
    await applicant.locator('.request-status', { hasText: '已通过' }).waitFor({ timeout: 10000 })
    const timeline = (await applicant.textContent('.request-timeline')) ?? ''
    assert.include(timeline, '同意，用于流域治理会商')
    assert.include(timeline, '数据提供方同意共享')
    assert.include(timeline, '安全审核通过')
    assert.include(timeline, '流程结束')
    await screenshot(applicant, '05-request-approved')

    await applicant.goto(`${baseUrl()}/requests`)
    const row = applicant.locator('.el-table__row', { hasText: code })
    assert.include(await row.textContent(), '已通过')
    await applicant.close()
  }).timeout(180000)

  test('a 不予共享 dataset shows its legal basis; the form reports the refusal', async ({
    assert,
  }) => {
    const basis = '《个人信息保护法》第二十八条：医疗健康信息不予共享'
    const code = await markNotShared(35, basis)
    const page = await signedIn(browserOf(), 'applicant')
    await page.goto(`${baseUrl()}/catalog/datasets/35`)
    await page.waitForSelector('text=该数据集不予共享', { timeout: 10000 })
    assert.include(await page.textContent('.detail'), basis)
    assert.equal(await page.getByRole('button', { name: '申请数据' }).count(), 0)
    await screenshot(page, '06-dataset-not-shared')

    await page.goto(`${baseUrl()}/requests/new?dataset=${code}`)
    await page.waitForSelector('.request-form', { timeout: 10000 })
    await fillRequestForm(page)
    await page.click('button.submit')
    await page.waitForSelector('.not-shared', { timeout: 10000 })
    assert.include(await page.textContent('.not-shared'), basis)
    await screenshot(page, '07-request-not-shared')

    await page.goto(`${baseUrl()}/catalog/datasets?q=zzzz-nothing-matches`)
    await page.waitForSelector('text=没有找到符合条件的数据集', { timeout: 10000 })
    await page.close()
  })

  test('the urge button reminds once, then says when to try again', async ({ assert }) => {
    const code = await submitByApi()
    const applicant = await signedIn(browserOf(), 'applicant')
    await applicant.goto(`${baseUrl()}/requests/${code}`)
    const urge = async () => {
      await applicant.getByRole('button', { name: '催办' }).click()
      await applicant.locator('.el-dialog:visible .el-dialog__footer .el-button--primary').click()
    }
    await urge()
    await expectMessage(applicant, '已催办')
    await urge()
    const text = await expectMessage(applicant, '分钟后再试')
    assert.match(text, /30 分钟后再试/)
    await screenshot(applicant, '08-urge-too-soon')
    await applicant.close()
  })
})
