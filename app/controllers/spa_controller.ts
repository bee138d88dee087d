import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import AppException from '#exceptions/app_exception'

let cachedIndex: string | undefined

/** History-mode fallback: client routes get index.html; unknown /api paths stay JSON 404s. */
export default class SpaController {
  async show(ctx: HttpContext) {
    const path = ctx.request.url()
    if (path.startsWith('/api/') || path === '/api') throw new AppException('E_NOT_FOUND', 404)
    try {
      cachedIndex =
        app.inProduction && cachedIndex
          ? cachedIndex
          : await readFile(app.publicPath('index.html'), 'utf8')
    } catch {
      throw new AppException('E_NOT_FOUND', 404, {
        message: 'frontend not built: run npm run build:frontend',
      })
    }
    ctx.response.header('Content-Type', 'text/html; charset=utf-8')
    ctx.response.header('Cache-Control', 'no-cache')
    return cachedIndex
  }
}
