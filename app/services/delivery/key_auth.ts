import type { HttpContext } from '@adonisjs/core/http'
import ApiKey from '#models/api_key'
import clock from '#services/clock'
import { hashSecret, keyInQuery, KEY_PREFIX } from '#services/delivery/api_key_secret'
import { ApiKeyException } from '#exceptions/delivery_exceptions'

/*
 * The caller's key, from the X-API-Key header only. A key in the query string ends up in
 * proxy logs and browser history, so such a call is refused even when the header is also sent.
 */
export async function authenticateKey(ctx: HttpContext): Promise<ApiKey> {
  if (keyInQuery(ctx.request.qs())) throw new ApiKeyException('E_API_KEY_IN_QUERY')
  const secret = ctx.request.header('x-api-key')
  if (!secret) throw new ApiKeyException('E_API_KEY_MISSING')
  if (!secret.startsWith(KEY_PREFIX) || secret.length > 100)
    throw new ApiKeyException('E_API_KEY_INVALID')
  const key = await ApiKey.query()
    .where('key_hash', hashSecret(secret))
    .where('status', 'active')
    .preload('grants', (q) => q.preload('datasets'))
    .first()
  if (!key || key.expiresAt <= clock.now()) throw new ApiKeyException('E_API_KEY_INVALID')
  return key
}
