import type { HttpContext } from '@adonisjs/core/http'
import type { VineValidator } from '@vinejs/vine'
import type { Infer, SchemaTypes } from '@vinejs/vine/types'
import UnknownFieldsException from '#exceptions/unknown_fields_exception'
import AppException from '#exceptions/app_exception'

/*
 * Validates the body against an allow-list: unknown fields (status, role, ownerId…)
 * are refused with 422 rather than silently dropped, so mass assignment is visible.
 */
export async function validateBody<Schema extends SchemaTypes>(
  ctx: HttpContext,
  validator: VineValidator<Schema, any>,
  allowed: readonly string[]
): Promise<Infer<Schema>> {
  const body = ctx.request.body()
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppException('E_VALIDATION', 422, { details: [{ field: '$', rule: 'object' }] })
  }
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key))
  if (unknown.length > 0) throw new UnknownFieldsException(unknown)
  return ctx.request.validateUsing(validator as any) as Promise<Infer<Schema>>
}

/** Same allow-list rule for query strings of list endpoints. */
export async function validateQuery<Schema extends SchemaTypes>(
  ctx: HttpContext,
  validator: VineValidator<Schema, any>,
  allowed: readonly string[],
  prepare: (query: Record<string, any>) => Record<string, any> = (query) => query
): Promise<Infer<Schema>> {
  const query = ctx.request.qs()
  const unknown = Object.keys(query).filter((key) => !allowed.includes(key))
  if (unknown.length > 0) throw new UnknownFieldsException(unknown)
  return validator.validate(prepare(query), {
    messagesProvider: ctx.i18n.createMessagesProvider(),
  }) as Promise<Infer<Schema>>
}

/** Route ids are matched as digits by the router (`router.matchers.number()`); this only narrows the type. */
export function routeId(ctx: HttpContext): number {
  return Number(ctx.params.id)
}
