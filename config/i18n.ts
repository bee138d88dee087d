import app from '@adonisjs/core/services/app'
import { defineConfig, formatters, loaders } from '@adonisjs/i18n'

// zh-CN is the product's language; English is served when the client asks for it.
const i18nConfig = defineConfig({
  defaultLocale: 'zh-CN',
  supportedLocales: ['zh-CN', 'en'],
  fallbackLocales: { en: 'zh-CN' },
  formatter: formatters.icu(),
  loaders: [loaders.fs({ location: app.makePath('app/locales') })],
})

export default i18nConfig
