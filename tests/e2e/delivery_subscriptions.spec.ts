import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { Page } from 'playwright-core'
import {
  arrive,
  dispatch,
  startReceiver,
  verifySignature,
} from '#tests/functional/delivery/subscription_fixtures'
import { baseUrl } from './browser.js'
import { api, expectMessage, screenshot, signedIn, withCatalogAndBrowser } from './flows.js'
import { choose, ensureHourlyRows, grantWith } from './delivery_flows.js'

/*
 * 数据订阅 in a real browser: a subscription to a node:http receiver on 127.0.0.1 (bin/test.ts
 * sets SUBSCRIPTION_ALLOW_LOOPBACK for every suite, e2e included), its secret shown once, a
 * dispatcher pass (driven here; it only polls in the web server) delivering signed new rows,
 * the deliveries drawer, then pause and resume with the paused hours sent after resuming.
 */
const ARRIVED = ['2026-01-01 04:00:00', '2026-01-01 05:00:00']

async function confirmBox(page: Page) {
  await page.locator('.el-message-box .el-button--primary').click()
  await page.locator('.el-message-box').waitFor({ state: 'hidden', timeout: 5000 })
}

test.group('E2E / 数据订阅', (group) => {
  const browserOf = withCatalogAndBrowser(group)
  group.setup(() => ensureHourlyRows())

  test('subscribe, secret once, a signed delivery in the drawer, pause and resume', async ({
    assert,
  }) => {
    const receiver = await startReceiver()
    const grant = await grantWith(['api', 'subscription'], '空气质量实时推送')
    let subscriptionId: number | undefined
    try {
      const page = await signedIn(browserOf(), 'applicant')
      await page.goto(`${baseUrl()}/delivery/subscriptions`)
      await page.click('button.new-subscription')
      const form = page.locator('.subscription-form-dialog')
      await choose(page, '.subscription-form-dialog .subscription-grant', grant.code)
      await form.locator('.subscription-url input').fill(receiver.url)
      await form.locator('.subscription-submit').click()
      await expectMessage(page, '订阅已创建')

      const secretDialog = page.locator('.subscription-secret-dialog')
      const secret = await secretDialog.locator('.secret input').inputValue()
      assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/)
      assert.include(await secretDialog.textContent(), '仅显示一次')
      await page.waitForTimeout(400) // the dialog's fade-in, for a readable screenshot
      await screenshot(page, 'subscriptions-01-secret-once')
      await secretDialog.locator('button.saved').click()
      await secretDialog.waitFor({ state: 'hidden', timeout: 5000 })

      const row = page.locator('.subscriptions-table .el-table__row', { hasText: receiver.url })
      await row.waitFor({ timeout: 10000 })
      assert.include(await row.textContent(), '推送中')
      assert.include(await row.textContent(), '空气质量小时数据')
      assert.notInclude(await page.content(), secret.slice(6))
      const mine = await api<{ data: { id: number; url: string }[] }>(
        grant.token,
        'GET',
        '/subscriptions'
      )
      subscriptionId = mine.body.data.find((s) => s.url === receiver.url)!.id

      // Two new hours arrive; one pass delivers them, signed with the secret shown above.
      await arrive([
        { station: 'AS001', hour: 4 },
        { station: 'AS003', hour: 4 },
      ])
      assert.equal(await dispatch(), 1)
      assert.lengthOf(receiver.received, 1)
      const [first] = receiver.received
      assert.lengthOf(first.json.records, 2)
      assert.isTrue(
        verifySignature(secret, first.headers['x-ecoshare-signature'] as string, first.body)
      )

      await page.getByRole('button', { name: '刷新' }).click()
      await row.locator('.el-tag', { hasText: '200' }).waitFor({ timeout: 10000 })
      await row.getByRole('button', { name: '投递记录' }).click()
      const drawer = page.locator('.subscription-deliveries')
      const delivered = drawer.locator('.el-table__row').first()
      await delivered.waitFor({ timeout: 10000 })
      const deliveredText = (await delivered.textContent()) ?? ''
      assert.include(deliveredText, '成功')
      assert.include(deliveredText, '200')
      assert.include(deliveredText, first.json.deliveryId.slice(0, 8))
      assert.equal(await drawer.locator('.el-table__row').count(), 1)
      await page.waitForTimeout(400) // the drawer's slide-in, for a readable screenshot
      await screenshot(page, 'subscriptions-02-deliveries')
      await drawer.locator('.el-drawer__close-btn').click()
      await drawer.waitFor({ state: 'hidden', timeout: 5000 })

      // Paused: a new hour waits. Resumed: the next pass sends it.
      await row.getByRole('button', { name: '暂停' }).click()
      await confirmBox(page)
      await expectMessage(page, '订阅已暂停')
      await row.locator('.el-tag', { hasText: '已暂停' }).waitFor({ timeout: 10000 })
      await arrive([{ station: 'AS002', hour: 5 }])
      assert.equal(await dispatch(), 0)
      assert.lengthOf(receiver.received, 1)
      await screenshot(page, 'subscriptions-03-paused')

      await row.getByRole('button', { name: '恢复' }).click()
      await expectMessage(page, '订阅已恢复')
      await row.locator('.el-tag', { hasText: '推送中' }).waitFor({ timeout: 10000 })
      assert.equal(await dispatch(), 1)
      assert.lengthOf(receiver.received, 2)
      assert.deepEqual(
        receiver.received[1].json.records.map((r: { station_code: string }) => r.station_code),
        ['AS002']
      )
      await page.close()
    } finally {
      if (subscriptionId) await api(grant.token, 'DELETE', `/subscriptions/${subscriptionId}`)
      await db.from('air_quality_hourly').whereIn('observed_at', ARRIVED).delete()
      await receiver.close()
    }
  }).timeout(120000)
})
