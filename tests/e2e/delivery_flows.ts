import db from '@adonisjs/lucid/services/db'
import type { Page } from 'playwright-core'
import { hourlyFixture } from '#tests/functional/public_data/fixtures'
import { api, apiToken } from './flows.js'

/*
 * Arrangements for the 数据服务 journeys: the e2e suite shares one database across files (no
 * global transaction), so rows a journey adds are removed again and the hourly fixture is
 * inserted only when no earlier file did.
 */
export const DATASET = 'EQ-AIR-002'

/** The 12 hourly rows of EQ-AIR-002 (11 open, 1 sensitive), once per run. */
export async function ensureHourlyRows(): Promise<void> {
  const present = await db
    .from('air_quality_hourly')
    .where('station_code', 'AS001')
    .where('observed_at', '2026-01-01 00:00:00')
    .first()
  if (!present) await hourlyFixture()
}

/** An auto-approved request for EQ-AIR-002 with these delivery modes; returns its grant. */
export async function grantWith(modes: string[], purpose: string) {
  const token = await apiToken('applicant')
  const submitted = await api<{ data: { code: string } }>(token, 'POST', '/requests', {
    datasets: [DATASET],
    purpose,
    scenario: '专题分析',
    legalBasis: '《政务数据共享条例》',
    validUntil: '2027-06-30',
    deliveryModes: modes,
    contact: '李申请',
  })
  const grants = await api<{ data: { id: number; code: string; requestCode: string }[] }>(
    token,
    'GET',
    '/grants?perPage=100'
  )
  const grant = grants.body.data.find((g) => g.requestCode === submitted.body.data.code)
  if (!grant) throw new Error(`no grant for ${submitted.body.data.code} (${submitted.status})`)
  return { ...grant, token }
}

/** Picks the option containing `text` in an Element Plus select (inside `scope`). */
export async function choose(page: Page, select: string, text: string): Promise<void> {
  await page.locator(select).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

/** Waits until the element's text contains `text` (bounded; the page polls on its own). */
export async function waitForText(page: Page, selector: string, text: string, timeout = 15000) {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout })
}
