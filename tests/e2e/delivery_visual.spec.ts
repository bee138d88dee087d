import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { OPEN } from '#tests/functional/public_data/fixtures'
import { baseUrl } from './browser.js'
import { api, screenshot, signedIn, withCatalogAndBrowser } from './flows.js'
import { DATASET, choose, ensureHourlyRows, grantWith } from './delivery_flows.js'

/*
 * 可视化查询 in a real browser: grant, dataset and measure picked in the form, daily pm25 by
 * district drawn and tabled with the same figures the aggregate API gives the test, district
 * names instead of codes; a year of hourly buckets is refused with the 422 message in Chinese.
 */
interface Aggregate {
  data: { series: { group: string; points: { bucket: string; count: number; avg: number }[] }[] }
}

const FAR_ROW = { station_code: 'AS001', observed_at: '2026-12-31 16:00:00' }

test.group('E2E / 可视化查询', (group) => {
  const browserOf = withCatalogAndBrowser(group)
  group.setup(() => ensureHourlyRows())

  test('pm25 by district: chart and table match the API, with district names', async ({
    assert,
  }) => {
    const grant = await grantWith(['visual_query'], '区县空气质量对比')
    const page = await signedIn(browserOf(), 'applicant')
    await page.goto(`${baseUrl()}/delivery/visual`)
    await choose(page, '.visual-grant', grant.code)
    await page
      .locator('.visual-dataset .el-select__selected-item', { hasText: '空气质量小时数据' })
      .waitFor({ timeout: 10000 })
    // The first numeric field is preselected; make sure it is PM2.5 and only that.
    await page.locator('.visual-measures .el-tag', { hasText: 'PM2.5' }).waitFor({ timeout: 10000 })
    assert.equal(await page.locator('.visual-measures .el-tag').count(), 1)
    await choose(page, '.visual-group', '行政区')
    await page.click('.visual-run')
    await page.locator('.visual-chart canvas').waitFor({ timeout: 15000 })
    await page.locator('.visual-table .el-table__row').first().waitFor({ timeout: 10000 })

    const expected = await api<Aggregate>(
      grant.token,
      'GET',
      `/visual/${DATASET}/aggregate?grantId=${grant.id}&bucket=day&groupBy=district&measures=pm25&stats=count,avg,max,p90`
    )
    assert.equal(expected.status, 200)
    const scope = await api<{ data: { districts: { code: string; name: string }[] } }>(
      grant.token,
      'GET',
      `/catalog/scope-options?datasets=${DATASET}`
    )
    const districtName = new Map(scope.body.data.districts.map((d) => [d.code, d.name]))
    const rows = await page.locator('.visual-table .el-table__row').allTextContents()
    const points = expected.body.data.series.flatMap((s) => s.points.map((p) => ({ ...p, s })))
    assert.lengthOf(rows, points.length)
    assert.isAbove(points.length, 1)
    for (const { s, bucket, count, avg } of points) {
      const name = districtName.get(s.group)!
      const row = rows.find((text) => text.includes(name))
      assert.isDefined(row, `a row for ${name} (${s.group})`)
      assert.include(row, bucket)
      assert.include(row, String(count))
      assert.include(row, Number.isInteger(avg) ? String(avg) : avg.toFixed(2))
      assert.notInclude(row, s.group)
    }
    // The fixture's figures: 江岸区 AS001 + AS002's 8 hours, 青山区 AS003's 3 (its sensitive hour left out).
    assert.sameMembers(
      expected.body.data.series.map((s) => `${districtName.get(s.group)}:${s.points[0].count}`),
      ['江岸区:8', '青山区:3']
    )
    await screenshot(page, 'visual-01-by-district')

    // A row at the year's end: 8,753 hourly buckets, over the 5,000-point cap.
    await db.table('air_quality_hourly').insert({
      ...FAR_ROW,
      district_code: '420102',
      pm25: 35,
      pm10: 70,
      so2: 8,
      no2: 30,
      co: 0.8,
      o3: 40,
      o3_8h: 35,
      aqi: 50,
      aqi_level: 1,
      primary_pollutant: null,
      ...OPEN,
    })
    try {
      await choose(page, '.visual-group', '不分组')
      await page.locator('.el-radio-button', { hasText: '小时' }).click()
      await page.click('.visual-run')
      const alert = page.locator('.visual-failure')
      await alert.waitFor({ timeout: 10000 })
      const message = (await alert.textContent()) ?? ''
      assert.include(message, '结果过大')
      assert.include(message, '超过上限 5000')
      assert.notInclude(message, 'E_VISUAL')
      assert.equal(await page.locator('.visual-chart').count(), 0)
      await screenshot(page, 'visual-02-too-large')
    } finally {
      await db.from('air_quality_hourly').where(FAR_ROW).delete()
    }
    await page.close()
  }).timeout(120000)
})
