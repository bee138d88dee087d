import { randomBytes } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'

/*
 * Webhook signing secrets: 256 random bits, shown once. Stored encrypted with the app key
 * (AES-256-GCM, the encryption service), not hashed, because every delivery must be signed
 * with the secret itself.
 */
const PURPOSE = 'subscription-secret'

export function newSigningSecret() {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`
  return { secret, sealed: encryption.encrypt(secret, undefined, PURPOSE) }
}

export function openSecret(sealed: string): string {
  const secret = encryption.decrypt<string>(sealed, PURPOSE)
  if (!secret) throw new Error('subscription secret cannot be decrypted (APP_KEY changed?)')
  return secret
}
