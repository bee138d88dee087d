import { createHmac, timingSafeEqual } from 'node:crypto'
import { appKey } from '#config/app'
import clock from '#services/clock'
import { exportLimits } from '#config/exports'

/*
 * Short-lived download links: HMAC-SHA256 over job id, user and expiry with a key derived from
 * the app key (so a link signature is useless for anything else). The link only proves the
 * holder was given it; the download still checks the session user and the grant every time.
 */
const linkKey = createHmac('sha256', appKey.release()).update('export-download-link').digest()

function sign(jobId: number, userId: number, expires: number) {
  return createHmac('sha256', linkKey).update(`${jobId}.${userId}.${expires}`).digest('base64url')
}

export function signLink(jobId: number, userId: number) {
  const expires = Math.floor(clock.nowMs() / 1000) + exportLimits.linkMinutes * 60
  return { expires, signature: sign(jobId, userId, expires) }
}

export type LinkCheck = 'valid' | 'tampered' | 'expired'

/** Signature first (constant-time), then expiry: an altered expiry is tampering, not lateness. */
export function checkLink(
  jobId: number,
  userId: number,
  expires: unknown,
  signature: unknown
): LinkCheck {
  if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof signature !== 'string')
    return 'tampered'
  const expected = Buffer.from(sign(jobId, userId, Number(expires)))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'tampered'
  return Number(expires) * 1000 < clock.nowMs() ? 'expired' : 'valid'
}
