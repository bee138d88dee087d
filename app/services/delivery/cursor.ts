import { createHash } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import InvalidFilterException from '#exceptions/invalid_filter_exception'
import type { DataQuery } from '#services/delivery/data_query'

/*
 * Opaque pagination cursors: the last row's sort-key values, encrypted and authenticated with
 * the app key (AES-256-GCM), bound to the dataset and the query's filters and order. Key
 * columns outside the grant may be in it, which is why it is encrypted, not just signed.
 */
const PURPOSE = 'delivery-cursor'

export function queryFingerprint(datasetCode: string, grantId: number, query: DataQuery) {
  return createHash('sha256')
    .update(JSON.stringify([datasetCode, grantId, query.conditions, query.sort]))
    .digest('base64url')
    .slice(0, 22)
}

export function encodeCursor(fingerprint: string, values: unknown[]): string {
  return encryption.encrypt({ f: fingerprint, v: values }, undefined, PURPOSE)
}

export function decodeCursor(cursor: string, fingerprint: string): (string | number)[] {
  const payload = encryption.decrypt<{ f: string; v: (string | number)[] }>(cursor, PURPOSE)
  if (!payload || !Array.isArray(payload.v))
    throw new InvalidFilterException([{ field: 'cursor', rule: 'tampered' }])
  if (payload.f !== fingerprint)
    throw new InvalidFilterException([{ field: 'cursor', rule: 'queryChanged' }])
  return payload.v
}

/** A store value as the database compares it: DATETIME from mysql2 arrives as a Date. */
export function storeValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ')
  return value as string | number
}
