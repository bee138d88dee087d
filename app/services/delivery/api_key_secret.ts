import { createHash, randomBytes } from 'node:crypto'

/*
 * Key material: 256 bits from the OS CSPRNG. Only the SHA-256 is stored — a slow password hash
 * buys nothing against a 256-bit random secret and would cost every data call.
 */
export const KEY_PREFIX = 'eco_live_'

export function newSecret(): { secret: string; hash: string; prefix: string } {
  const secret = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`
  return { secret, hash: hashSecret(secret), prefix: secret.slice(0, KEY_PREFIX.length + 6) }
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Query parameters a client might put a key in; their presence alone refuses the call. */
const KEY_PARAMS = new Set(['api_key', 'apikey', 'key', 'x-api-key', 'access_token', 'token'])

function looksLikeKey(name: string, value: unknown) {
  return (
    KEY_PARAMS.has(name.toLowerCase()) ||
    (typeof value === 'string' && value.includes(KEY_PREFIX)) ||
    (Array.isArray(value) && value.some((item) => String(item).includes(KEY_PREFIX)))
  )
}

export function keyInQuery(query: Record<string, unknown>): boolean {
  return Object.entries(query).some(([name, value]) => looksLikeKey(name, value))
}

/** The query as the usage trail stores it: anything that may be a key is blanked. */
export function redactQuery(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [
      name,
      looksLikeKey(name, value) ? '[redacted]' : value,
    ])
  )
}
