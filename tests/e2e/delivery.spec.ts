import { test } from '@japa/runner'
import { baseUrl } from './browser.js'
import {
  api,
  apiToken,
  confirmDialog,
  expectMessage,
  screenshot,
  signedIn,
  withCatalogAndBrowser,
} from './flows.js'
import { ensureHourlyRows } from './delivery_flows.js'

/*
 * 数据服务 in a real browser: an auto-approved request becomes a grant, the applicant issues a
 * key (its secret shown once), a program calls the data API with it, and the call appears in
 * the usage trail.
 */
test.group('E2E / grant, API key, data call, usage', (group) => {
  const browserOf = withCatalogAndBrowser(group)
  // 12 hourly rows of EQ-AIR-002; one is labelled sensitive, which a general grant never reaches.
  // The other 数据服务 files may have inserted them already (one database for the whole run).
  group.setup(() => ensureHourlyRows())

  test('applicant: request → grant → key → data call → usage', async ({ assert }) => {
    const page = await signedIn(browserOf(), 'applicant')
    await page.goto(`${baseUrl()}/requests/new?dataset=EQ-AIR-002`)
    await page.waitForSelector('.request-form .el-tag', { timeout: 10000 })
    const item = (label: string) =>
      page.locator(`.el-form-item:has(.el-form-item__label:text-is("${label}"))`)
    await item('用途').locator('textarea').fill('开展大气污染溯源分析')
    await item('使用场景').locator('textarea').fill('环境质量预警')
    await item('法律依据').locator('textarea').fill('《政务数据共享条例》')
    await item('联系人').locator('input').fill('李申请 13871230001')
    const date = item('有效期至').locator('input')
    await date.fill('2027-06-30')
    await date.press('Enter')
    await page.click('button.submit')
    await expectMessage(page, '申请已自动通过')
    await page.waitForURL(/\/requests\/REQ-\d{8}-[0-9A-F]{8}$/, { timeout: 15000 })
    const requestCode = page.url().split('/').pop()!

    // 我的授权: the grant of that request, active, with the API mode.
    await page.goto(`${baseUrl()}/delivery/grants`)
    const grantRow = page.locator('.grants-table .el-table__row', { hasText: requestCode })
    await grantRow.waitFor({ timeout: 15000 })
    assert.include(await grantRow.textContent(), '有效')
    assert.include(await grantRow.textContent(), '接口调用')
    const grantCode = `grant-${requestCode}`
    assert.include(await grantRow.textContent(), grantCode)
    await screenshot(page, 'delivery-01-grants')

    await grantRow.getByRole('link', { name: grantCode }).click()
    await page.waitForSelector('.grant-detail .renew', { timeout: 10000 })
    const detail = (await page.textContent('.grant-detail')) ?? ''
    assert.include(detail, 'pm25')
    assert.include(detail, '每日 5,000,000 行')
    await screenshot(page, 'delivery-02-grant-detail')

    // 接口密钥: issue a key for that grant; the secret is shown once.
    await page.goto(`${baseUrl()}/delivery/keys`)
    await page.click('button.issue')
    const dialog = page.locator('.issue-key-dialog')
    await dialog.locator('.key-name input').fill('大气溯源分析系统')
    // A single usable grant comes preselected; picking it again would unselect it.
    const chosen = dialog.locator('.key-grants .el-tag', { hasText: grantCode })
    if ((await chosen.count()) === 0) {
      await dialog.locator('.key-grants').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: grantCode }).click()
      await dialog.locator('.el-dialog__header').click()
    }
    await chosen.waitFor({ timeout: 5000 })
    await dialog.locator('.issue-submit').click()
    const secretBox = page.locator('.secret-dialog .secret input')
    await secretBox.waitFor({ timeout: 10000 })
    const secret = await secretBox.inputValue()
    assert.match(secret, /^eco_live_[A-Za-z0-9_-]{43}$/)
    assert.include(await page.textContent('.secret-dialog'), '只显示这一次')
    await page.waitForTimeout(400) // the dialog's fade-in, for a readable screenshot
    await screenshot(page, 'delivery-03-secret-once')
    await page.click('.secret-dialog button.saved')
    await page.locator('.secret-dialog').waitFor({ state: 'hidden', timeout: 5000 })
    const keyRow = page.locator('.keys-table .el-table__row', { hasText: '大气溯源分析系统' })
    await keyRow.waitFor({ timeout: 10000 })
    assert.include(await keyRow.textContent(), secret.slice(0, 15))
    // Gone for good: neither the page nor a reload can show it again.
    await page.reload()
    await keyRow.waitFor({ timeout: 10000 })
    assert.notInclude(await page.content(), secret.slice(15))
    await screenshot(page, 'delivery-04-keys')

    // Records this applicant already had (other 数据服务 files share the run's database).
    const stats = await api<{ data: { records: number }[] }>(
      await apiToken('applicant'),
      'GET',
      '/usage/stats?period=day'
    )
    const before = stats.body.data.reduce((sum, s) => sum + s.records, 0)

    // A program calls the data API with the key in the header.
    const response = await fetch(`${baseUrl()}/api/v1/data/EQ-AIR-002/records`, {
      headers: { 'X-API-Key': secret, 'Accept': 'application/json' },
    })
    assert.equal(response.status, 200)
    const body = (await response.json()) as { data: Record<string, unknown>[] }
    assert.lengthOf(body.data, 11)
    assert.property(body.data[0], 'pm25')

    // 使用记录: that call with its rows, and its 11 records in the statistics.
    await page.goto(`${baseUrl()}/delivery/usage`)
    const usageRow = page.locator('.usage-table .el-table__row', { hasText: 'EQ-AIR-002' }).first()
    await usageRow.waitFor({ timeout: 10000 })
    const usageText = (await usageRow.textContent()) ?? ''
    assert.include(usageText, '成功')
    assert.include(usageText, '接口调用')
    assert.match(usageText, /\b11\b/)
    await page
      .locator('.total-records', { hasText: new RegExp(`^${(before + 11).toLocaleString()}$`) })
      .waitFor({ timeout: 10000 })
    await page.locator('.usage-chart canvas').waitFor({ timeout: 10000 })
    await screenshot(page, 'delivery-05-usage')
    await page.close()
  }).timeout(180000)

  test('renewal from a grant: prefilled form, a district in the scope editor, narrower rows', async ({
    assert,
  }) => {
    // The grant to renew, arranged through the API (its own journey is the test above).
    const token = await apiToken('applicant')
    const submitted = await api<{ data: { code: string } }>(token, 'POST', '/requests', {
      datasets: ['EQ-AIR-002'],
      fields: ['station_code', 'observed_at', 'district_code', 'pm25'],
      purpose: '城区空气质量评估',
      scenario: '季度会商',
      legalBasis: '《政务数据共享条例》',
      validUntil: '2027-03-31',
      deliveryModes: ['api'],
      contact: '李申请',
    })
    const grants = await api<{ data: { id: number; requestCode: string }[] }>(
      token,
      'GET',
      '/grants?perPage=100'
    )
    const previous = grants.body.data.find((g) => g.requestCode === submitted.body.data.code)!

    const page = await signedIn(browserOf(), 'applicant')
    await page.goto(`${baseUrl()}/delivery/grants/${previous.id}`)
    await page.click('.grant-detail .renew')
    await page.waitForURL(new RegExp(`/requests/new\\?fromGrant=${previous.id}$`))
    await page.waitForSelector('.renewal-note', { timeout: 10000 })
    const item = (label: string) =>
      page.locator(`.el-form-item:has(.el-form-item__label:text-is("${label}"))`)
    // Prefilled from the grant and the request behind it.
    assert.equal(await item('用途').locator('textarea').inputValue(), '城区空气质量评估')
    assert.equal(await item('联系人').locator('input').inputValue(), '李申请')
    assert.include(await item('字段').textContent(), 'pm25')

    const editor = page.locator('.row-scope-editor')
    await editor.locator('[data-dimension="districts"] .el-select').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '(420107)' }).click()
    await editor.locator('.note textarea').click()
    await editor.locator('.date.from input').fill('2026-01-01')
    await editor.locator('.date.from input').press('Enter')
    await editor.locator('.date.to input').fill('2026-01-01')
    await editor.locator('.date.to input').press('Enter')
    const date = item('有效期至').locator('input')
    await date.fill('2027-12-31')
    await date.press('Enter')
    await screenshot(page, 'delivery-06-renewal-form')
    await page.click('button.submit')
    await expectMessage(page, '申请已自动通过')
    await page.waitForURL(/\/requests\/REQ-\d{8}-[0-9A-F]{8}$/, { timeout: 15000 })
    const renewalCode = page.url().split('/').pop()!

    // The request shows what it replaces and the scope it asks for, with names.
    const panel = page.locator('.previous-grant')
    await panel.waitFor({ timeout: 10000 })
    assert.include(await panel.textContent(), `grant-${submitted.body.data.code}`)
    assert.include(await panel.textContent(), '自动通过')
    await page.locator('.form-summary', { hasText: '青山区 (420107)' }).waitFor({ timeout: 10000 })
    assert.include(await page.textContent('.form-summary'), '2026-01-01 ~ 2026-01-01')
    await screenshot(page, 'delivery-07-renewal-detail')
    await page.close()

    // The new grant reaches only that district and day: AS003's rows, less its sensitive hour.
    const renewed = await api<{ data: { id: number; requestCode: string; rowScope: object }[] }>(
      token,
      'GET',
      '/grants?perPage=100'
    )
    const grant = renewed.body.data.find((g) => g.requestCode === renewalCode)!
    assert.deepEqual(grant.rowScope, {
      districts: ['420107'],
      from: '2026-01-01',
      to: '2026-01-02',
    })
    const key = await api<{ data: { secret: string } }>(token, 'POST', '/api-keys', {
      name: '续期密钥',
      grantIds: [grant.id],
    })
    const response = await fetch(`${baseUrl()}/api/v1/data/EQ-AIR-002/records`, {
      headers: { 'X-API-Key': key.body.data.secret, 'Accept': 'application/json' },
    })
    const rows = ((await response.json()) as { data: { station_code: string }[] }).data
    assert.lengthOf(rows, 3)
    assert.deepEqual([...new Set(rows.map((r) => r.station_code))], ['AS003'])
  }).timeout(180000)

  test('the owner suspends a grant with a reason; the security officer resumes it and cuts its quota', async ({
    assert,
  }) => {
    const token = await apiToken('applicant')
    const submitted = await api<{ data: { code: string } }>(token, 'POST', '/requests', {
      datasets: ['EQ-AIR-002'],
      purpose: '空气质量月报',
      scenario: '月度通报',
      legalBasis: '《政务数据共享条例》',
      validUntil: '2027-03-31',
      deliveryModes: ['api'],
      contact: '李申请',
    })
    const grantCode = `grant-${submitted.body.data.code}`
    const mine = await api<{ data: { id: number; code: string }[] }>(token, 'GET', '/grants')
    const grantId = mine.body.data.find((g) => g.code === grantCode)!.id
    const key = await api<{ data: { secret: string } }>(token, 'POST', '/api-keys', {
      name: '月报密钥',
      grantIds: [grantId],
    })
    const call = () =>
      fetch(`${baseUrl()}/api/v1/data/EQ-AIR-002/records?limit=1`, {
        headers: { 'X-API-Key': key.body.data.secret, 'Accept': 'application/json' },
      })

    // The owner of EQ-AIR-002 sees the grants on its datasets and suspends this one.
    const owner = await signedIn(browserOf(), 'ownerreviewer')
    await owner.goto(`${baseUrl()}/delivery/grants`)
    const row = owner.locator('.grants-table .el-table__row', { hasText: grantCode })
    await row.waitFor({ timeout: 10000 })
    assert.include(await owner.textContent('.page-title'), '本单位数据集的授权')
    // Whose grant it is: the applicant's organisation.
    assert.include(await row.textContent(), '江城市水利和湖泊局')
    await row.locator('[data-op="suspend"]').click()
    await confirmDialog(owner, '数据质量核查期间暂停')
    await expectMessage(owner, '授权已暂停')
    await row.locator('.grant-status', { hasText: '已暂停' }).waitFor({ timeout: 10000 })
    await owner.waitForTimeout(400) // the dialog's fade-out, for a readable screenshot
    await screenshot(owner, 'delivery-08-owner-suspended')
    await owner.close()

    const refused = await call()
    assert.equal(refused.status, 403)
    assert.equal(((await refused.json()) as any).error.code, 'E_GRANT_SUSPENDED')

    // The security officer sees every grant and resumes it from its page.
    const officer = await signedIn(browserOf(), 'secofficer')
    await officer.goto(`${baseUrl()}/delivery/grants/${grantId}`)
    await officer.waitForSelector('.grant-detail [data-op="resume"]', { timeout: 10000 })
    assert.include(await officer.textContent('.grant-detail'), '数据质量核查期间暂停')
    await officer.click('.grant-detail [data-op="resume"]')
    await confirmDialog(officer, '核查完成，恢复使用')
    await expectMessage(officer, '授权已恢复')
    await officer.locator('.grant-detail .grant-status', { hasText: '有效' }).waitFor()

    // 调整配额: three rows a day from now on.
    await officer.click('.grant-detail [data-op="quota"]')
    const quota = officer.locator('.quota-dialog')
    await quota.locator('.rows input').fill('3')
    await quota.locator('textarea').fill('核查期间限量')
    await quota.locator('.quota-submit').click()
    await expectMessage(officer, '配额已调整')
    await officer.locator('.grant-detail', { hasText: '每日 3 行' }).waitFor({ timeout: 10000 })

    // The refused call in 使用记录 says why in words; the code is only on hover.
    await officer.goto(`${baseUrl()}/delivery/usage`)
    const refusal = officer.locator('.usage-table .el-table__row', { hasText: '授权已暂停' })
    await refusal.first().waitFor({ timeout: 10000 })
    assert.notInclude(await refusal.first().innerText(), 'E_GRANT_SUSPENDED')
    assert.equal(await refusal.first().locator('[title="403 E_GRANT_SUSPENDED"]').count(), 1)
    await screenshot(officer, 'delivery-09-usage-refusal')
    await officer.close()

    assert.equal((await call()).status, 200)
    const rest = await fetch(`${baseUrl()}/api/v1/data/EQ-AIR-002/records?limit=5`, {
      headers: { 'X-API-Key': key.body.data.secret, 'Accept': 'application/json' },
    })
    // One row already taken today: the call is cut to the two that remain.
    assert.lengthOf(((await rest.json()) as { data: unknown[] }).data, 2)
  }).timeout(180000)
})
