import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import env from '#start/env'
import clock from '#services/clock'
import { hashRow, type ChainedFields, type HashAlgorithm } from '#services/audit/hash_chain'

export type AuditResult = 'success' | 'failure' | 'denied'

export interface AuditActor {
  actorId: number | null
  actorUsername: string | null
  organisationId: number | null
  ip: string | null
  userAgent: string | null
}

export interface AuditEntry {
  action: string
  result: AuditResult
  objectType?: string | null
  objectId?: string | number | null
  details?: Record<string, unknown> | null
}

const algorithm: HashAlgorithm = env.get('AUDIT_HASH') ?? 'sha256'

/** Who is acting, as far as the request tells: the authenticated user if any. */
export function actorFromContext(ctx: HttpContext): AuditActor {
  const user = ctx.auth?.user
  return {
    actorId: user?.id ?? null,
    actorUsername: user?.username ?? null,
    organisationId: user?.organisationId ?? null,
    ip: ctx.request.ip() ?? null,
    userAgent: (ctx.request.header('user-agent') ?? '').slice(0, 512) || null,
  }
}

export const SYSTEM_ACTOR: AuditActor = {
  actorId: null,
  actorUsername: 'system',
  organisationId: null,
  ip: null,
  userAgent: null,
}

/*
 * Appends one event to the chain. The chain head row is locked (MySQL) or the
 * single SQLite writer is held for the transaction, so two appends never fork the chain.
 * Pass the caller's transaction so the event commits with the change it records.
 */
export async function recordAudit(
  actor: AuditActor,
  entry: AuditEntry,
  trx?: TransactionClientContract
) {
  if (trx) return append(actor, entry, trx)
  return db.transaction((own) => append(actor, entry, own))
}

async function append(actor: AuditActor, entry: AuditEntry, trx: TransactionClientContract) {
  const lockRows = trx.dialect.name !== 'better-sqlite3' && trx.dialect.name !== 'sqlite3'
  const headQuery = trx.from('audit_chain_head').where('id', 1)
  const head = await (lockRows ? headQuery.forUpdate() : headQuery).firstOrFail()

  const fields: ChainedFields = {
    seq: Number(head.seq) + 1,
    occurredAt: clock.now().toISO({ includeOffset: false }) + 'Z',
    actorId: actor.actorId,
    actorUsername: actor.actorUsername,
    organisationId: actor.organisationId,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId:
      entry.objectId === undefined || entry.objectId === null ? null : String(entry.objectId),
    result: entry.result,
    ip: actor.ip,
    userAgent: actor.userAgent,
    details: entry.details ? JSON.stringify(entry.details) : null,
    hashAlg: algorithm,
    prevHash: head.hash,
  }
  const hash = hashRow(fields)

  await trx.table('audit_events').insert({
    seq: fields.seq,
    occurred_at: fields.occurredAt,
    actor_id: fields.actorId,
    actor_username: fields.actorUsername,
    organisation_id: fields.organisationId,
    action: fields.action,
    object_type: fields.objectType,
    object_id: fields.objectId,
    result: fields.result,
    ip: fields.ip,
    user_agent: fields.userAgent,
    details: fields.details,
    hash_alg: fields.hashAlg,
    prev_hash: fields.prevHash,
    hash,
  })
  await trx.from('audit_chain_head').where('id', 1).update({ seq: fields.seq, hash })
  return { seq: fields.seq, hash }
}
