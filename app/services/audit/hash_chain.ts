import { createHash } from 'node:crypto'
import smCrypto from 'sm-crypto'

export type HashAlgorithm = 'sha256' | 'sm3'

export const GENESIS_HASH = '0'.repeat(64)

/** The stored fields that the chain protects, in a fixed order. */
export interface ChainedFields {
  seq: number
  occurredAt: string
  actorId: number | null
  actorUsername: string | null
  organisationId: number | null
  action: string
  objectType: string | null
  objectId: string | null
  result: string
  ip: string | null
  userAgent: string | null
  details: string | null
  hashAlg: HashAlgorithm
  prevHash: string
}

export function canonicalise(row: ChainedFields): string {
  return JSON.stringify([
    Number(row.seq),
    row.occurredAt,
    row.actorId === null ? null : Number(row.actorId),
    row.actorUsername,
    row.organisationId === null ? null : Number(row.organisationId),
    row.action,
    row.objectType,
    row.objectId,
    row.result,
    row.ip,
    row.userAgent,
    row.details,
    row.hashAlg,
    row.prevHash,
  ])
}

export function digest(alg: HashAlgorithm, text: string): string {
  if (alg === 'sm3') return smCrypto.sm3(text)
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

export function hashRow(row: ChainedFields): string {
  return digest(row.hashAlg, canonicalise(row))
}
