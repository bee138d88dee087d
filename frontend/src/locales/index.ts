import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN'
import en from './en'

export const LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof LOCALES)[number]

const STORAGE_KEY = 'ecoshare.locale'

function isAppLocale(value: unknown): value is AppLocale {
  return LOCALES.includes(value as AppLocale)
}

function storedLocale(): AppLocale {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isAppLocale(value) ? value : 'zh-CN'
  } catch {
    // Storage can be blocked by policy in locked-down browsers; Chinese is the default anyway.
    return 'zh-CN'
  }
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export function currentLocale(): AppLocale {
  return i18n.global.locale.value
}

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Not remembered, still switched for this visit.
  }
}

document.documentElement.lang = currentLocale()
