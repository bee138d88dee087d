import { test } from '@japa/runner'
import { baseUrl } from './browser.js'
import {
  approveByApi,
  confirmDialog,
  expectMessage,
  openTask,
  pickPerson,
  screenshot,
  withCatalogAndBrowser,
  signedIn,
  submitByApi,
} from './flows.js'

/*
 * Reviewer operations beyond approve: 加签 before me (the added approver signs from 待办 first)
 * and 转办 (the task moves to someone else's inbox).
 */
test.group('E2E / reviewer operations', (group) => {
  const browserOf = withCatalogAndBrowser(group)

  test('加签 before me: the added approver signs in 待办, then the head can approve', async ({
    assert,
  }) => {
    const code = await submitByApi()

    const head = await signedIn(browserOf(), 'deptreviewer')
    await openTask(head, code)
    await head.locator('[data-op="add_signoff"]').click()
    await pickPerson(head, 'secofficer')
    await confirmDialog(head, '请安全审核员先行把关')
    await expectMessage(head, '已加签')
    await head.waitForSelector('.signoffs', { timeout: 10000 })
    assert.include(await head.textContent('.signoffs'), '办理中')
    assert.include(await head.textContent('.task-page'), '等待加签人办理后才能完成本环节')
    await screenshot(head, '09-task-signoff-added')

    const officer = await signedIn(browserOf(), 'secofficer')
    await officer.goto(`${baseUrl()}/inbox/tasks`)
    const row = officer.locator('.el-table__row', { hasText: code })
    await row.waitFor({ timeout: 10000 })
    assert.include(await row.textContent(), '加签')
    await row.getByRole('button', { name: '办理' }).click()
    await confirmDialog(officer, '安全方面无异议')
    await expectMessage(officer, '已同意')
    await officer.close()

    await head.reload()
    await head.waitForSelector('.signoffs', { timeout: 10000 })
    assert.include(await head.textContent('.signoffs'), '已同意')
    await head.locator('[data-op="approve"]').click()
    await confirmDialog(head, '加签意见已阅，同意')
    await expectMessage(head, '已同意')
    await head.close()
  }).timeout(90000)

  test('转办: the task leaves my 待办 and the timeline names the new reviewer', async ({
    assert,
  }) => {
    const code = await submitByApi()
    const head = await signedIn(browserOf(), 'deptreviewer')
    await openTask(head, code)
    await head.locator('[data-op="transfer"]').click()
    await pickPerson(head, 'ownerreviewer')
    await confirmDialog(head, '请张监测代为审核')
    await expectMessage(head, '已转办')
    await head.waitForURL(/\/inbox\/tasks(\?|$)/, { timeout: 10000 })
    await head.goto(`${baseUrl()}/inbox/tasks`)
    await head.waitForSelector('.el-table', { timeout: 10000 })
    assert.equal(await head.locator('.el-table__row', { hasText: code }).count(), 0)

    const owner = await signedIn(browserOf(), 'ownerreviewer')
    await owner.goto(`${baseUrl()}/inbox/tasks`)
    await owner.locator('.el-table__row', { hasText: code }).waitFor({ timeout: 10000 })
    await screenshot(owner, '10-transferred-task')
    await owner.close()

    const applicant = await signedIn(browserOf(), 'applicant')
    await applicant.goto(`${baseUrl()}/requests/${code}`)
    await applicant.waitForSelector('.request-timeline', { timeout: 10000 })
    assert.include(await applicant.textContent('.request-timeline'), '转办给')
    await screenshot(applicant, '11-timeline-transfer')
    await applicant.close()
    await head.close()
  }).timeout(90000)

  test('撤回 from 已办: the step comes back to my 待办 while the next is untouched', async ({
    assert,
  }) => {
    const code = await submitByApi()
    await approveByApi('deptreviewer', code)
    const head = await signedIn(browserOf(), 'deptreviewer')
    await head.goto(`${baseUrl()}/inbox/tasks?tab=done`)
    const row = head.locator('.el-table__row', { hasText: code })
    await row.waitFor({ timeout: 10000 })
    assert.include(await row.textContent(), '已同意')
    await row.getByRole('button', { name: '撤回' }).click()
    await head.locator('.el-message-box .el-button--primary').click()
    await expectMessage(head, '已撤回')
    await head.goto(`${baseUrl()}/inbox/tasks`)
    await head.locator('.el-table__row', { hasText: code }).waitFor({ timeout: 10000 })
    await head.close()
  }).timeout(60000)
})
