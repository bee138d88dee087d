import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { errors as authErrors } from '@adonisjs/auth'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { errors as lucidErrors } from '@adonisjs/lucid'
import i18nManager from '@adonisjs/i18n/services/main'
import AppException from '#exceptions/app_exception'
import { actorFromContext, recordAudit } from '#services/audit/audit_log'

interface Rendered {
  status: number
  code: string
  params?: Record<string, string | number>
  details?: unknown
}

/*
 * Every error leaves as `{error:{code,message,details?}}` in the caller's language;
 * no stack traces, never a 500 for bad input.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = false

  async handle(error: unknown, ctx: HttpContext) {
    const rendered = this.classify(error)
    if (rendered.code === 'E_FORBIDDEN') await this.auditDenied(ctx)
    if (rendered.status === 429) {
      const retryAfter = (error as any)?.response?.availableIn ?? (error as any)?.retryAfterSeconds
      if (retryAfter) ctx.response.header('Retry-After', String(retryAfter))
    }
    const i18n = ctx.i18n ?? i18nManager.locale(i18nManager.defaultLocale)
    const message = i18n.t(`errors.${rendered.code}`, rendered.params ?? {}, rendered.code)
    const body: Record<string, unknown> = { code: rendered.code, message }
    if (rendered.details !== undefined) body.details = rendered.details
    return ctx.response.status(rendered.status).send({ error: body })
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }

  private classify(error: unknown): Rendered {
    if (error instanceof AppException) {
      return {
        status: error.status,
        code: error.code!,
        params: error.params,
        details: error.details,
      }
    }
    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      const details = (error.messages as any[]).map((m) => ({
        field: m.field,
        message: m.message,
        rule: m.rule,
      }))
      return { status: 422, code: 'E_VALIDATION', details }
    }
    if (error instanceof authErrors.E_UNAUTHORIZED_ACCESS)
      return { status: 401, code: 'E_UNAUTHENTICATED' }
    if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE)
      return { status: 403, code: 'E_FORBIDDEN' }
    if (error instanceof lucidErrors.E_ROW_NOT_FOUND) return { status: 404, code: 'E_NOT_FOUND' }

    const code = (error as any)?.code as string | undefined
    const status = Number((error as any)?.status) || 500
    switch (code) {
      case 'E_ROUTE_NOT_FOUND':
        return { status: 404, code: 'E_NOT_FOUND' }
      case 'E_BAD_CSRF_TOKEN':
        return { status: 403, code: 'E_CSRF' }
      case 'E_TOO_MANY_REQUESTS':
        return { status: 429, code: 'E_TOO_MANY_REQUESTS' }
      case 'E_HTTP_REQUEST_ABORTED':
      case 'E_HTTP_EXCEPTION':
        return { status, code: status === 404 ? 'E_NOT_FOUND' : 'E_INTERNAL' }
    }
    // Body-parser failures (raw-body/co-body) carry a type and a 4xx status.
    const type = (error as any)?.type as string | undefined
    if (type === 'entity.too.large' || status === 413)
      return { status: 413, code: 'E_PAYLOAD_TOO_LARGE' }
    const message = String((error as any)?.message ?? '')
    if (
      type === 'entity.parse.failed' ||
      error instanceof SyntaxError ||
      message.startsWith('Invalid JSON')
    ) {
      return { status: 400, code: 'E_BAD_JSON' }
    }
    if (status === 415) return { status: 415, code: 'E_UNSUPPORTED_MEDIA_TYPE' }
    if (status >= 400 && status < 500)
      return { status, code: status === 404 ? 'E_NOT_FOUND' : 'E_VALIDATION' }
    return { status: 500, code: 'E_INTERNAL' }
  }

  private async auditDenied(ctx: HttpContext) {
    await recordAudit(actorFromContext(ctx), {
      action: 'authz.denied',
      result: 'denied',
      objectType: 'route',
      objectId: ctx.route?.name ?? ctx.request.url(),
      details: { method: ctx.request.method(), path: ctx.request.url() },
    })
  }
}
