import { test } from '@japa/runner'
import { baseUrl } from './browser.js'
import {
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
 * 退回 → 修改后重新提交 (the form comes back prefilled, the version goes with it), and
 * 委派 → 交还 (the delegate hands the task back to its owner).
 */
test.group('E2E / return, amend, delegate', (group) => {
  const browserOf = withCatalogAndBrowser(group)

  test('the head returns the request; the applicant amends and resubmits', async ({ assert }) => {
    const code = await submitByApi()
    const head = await signedIn(browserOf(), 'deptreviewer')
    await openTask(head, code)
    await head.locator('[data-op="return"]').click()
    await confirmDialog(head, '请补充数据范围')
    await expectMessage(head, '已退回')
    await head.close()

    const applicant = await signedIn(browserOf(), 'applicant')
    await applicant.goto(`${baseUrl()}/requests/${code}`)
    await applicant.locator('.request-status', { hasText: '已退回' }).waitFor({ timeout: 10000 })
    await applicant.getByRole('button', { name: '修改后重新提交' }).click()
    await applicant.waitForSelector('.request-form', { timeout: 10000 })
    assert.include(await applicant.textContent('.el-alert'), '请补充数据范围')
    const purpose = applicant.locator(
      '.el-form-item:has(.el-form-item__label:text-is("用途")) textarea'
    )
    assert.equal(await purpose.inputValue(), '排口水质关联分析')
    await applicant
      .locator('.el-form-item:has(.el-form-item__label:text-is("数据范围")) textarea')
      .fill('仅限江城市辖区内重点排污单位')
    await screenshot(applicant, '12-amend-form')
    await applicant.click('button.submit')
    await expectMessage(applicant, '申请已重新提交')
    await applicant.locator('.request-status', { hasText: '审核中' }).waitFor({ timeout: 10000 })
    assert.include(await applicant.textContent('.request-timeline'), '申请人修改后重新提交')
    assert.include(await applicant.textContent('.form-summary'), '仅限江城市辖区内重点排污单位')
    await applicant.close()
  }).timeout(90000)

  test('委派: the delegate hands the task back with an opinion', async ({ assert }) => {
    const code = await submitByApi()
    const head = await signedIn(browserOf(), 'deptreviewer')
    await openTask(head, code)
    await head.locator('[data-op="delegate"]').click()
    await pickPerson(head, 'ownerreviewer')
    await confirmDialog(head, '请协助核实排口数据')
    await expectMessage(head, '已委派')

    const delegate = await signedIn(browserOf(), 'ownerreviewer')
    await openTask(delegate, code)
    await delegate.waitForSelector('text=该任务委派给您办理', { timeout: 10000 })
    assert.equal(await delegate.locator('[data-op="approve"]').count(), 0)
    await screenshot(delegate, '13-delegated-task')
    await delegate.getByRole('button', { name: '交还' }).click()
    await confirmDialog(delegate, '已核实，数据可共享')
    await expectMessage(delegate, '已交还')
    await delegate.close()

    await openTask(head, code)
    await head.locator('[data-op="approve"]').waitFor({ timeout: 10000 })
    // The timeline loads after the task's buttons: wait for the delegate's opinion to show.
    await head.locator('.task-page', { hasText: '已核实，数据可共享' }).waitFor({ timeout: 10000 })
    assert.include(await head.textContent('.task-page'), '已核实，数据可共享')
    await head.close()
  }).timeout(90000)
})
