import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's Chromium driven by playwright-core (no browser downloads on this network). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })
}

export const baseUrl = () => `http://${process.env.HOST}:${process.env.PORT}`

export async function loginThroughUi(page: Page, username: string, password: string) {
  await page.goto(`${baseUrl()}/login`)
  await page.fill('input[autocomplete="username"]', username)
  await page.fill('input[autocomplete="current-password"]', password)
  await page.keyboard.press('Enter')
}
