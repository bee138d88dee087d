import encryption from '@adonisjs/core/services/encryption'

/*
 * Personal data at rest (SECURITY.md 17): encrypted with the app's AES-256-GCM key,
 * masked whenever shown.
 */
export function encryptPersonal(value: string | null | undefined): string | null {
  return value ? encryption.encrypt(value) : null
}

export function decryptPersonal(value: string | null): string | null {
  return value ? (encryption.decrypt<string>(value) ?? null) : null
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}
