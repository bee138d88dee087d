import db from '@adonisjs/lucid/services/db'
import { GENESIS_HASH, hashRow, type ChainedFields } from '#services/audit/hash_chain'

export interface ChainBreak {
  seq: number
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch'
}

export interface ChainReport {
  ok: boolean
  checked: number
  headSeq: number
  breaks: ChainBreak[]
}

const BATCH = 2000

/*
 * Walks the whole chain in seq order, in batches so memory stays flat. Detects an
 * edited row (its hash), a removed or reordered row (prev hash and seq gap) and a
 * truncated tail (the head row still records the last seq and hash).
 */
export async function verifyAuditChain(maxBreaks = 100): Promise<ChainReport> {
  const head = await db.from('audit_chain_head').where('id', 1).firstOrFail()
  const breaks: ChainBreak[] = []
  let previousHash = GENESIS_HASH
  let expectedSeq = 1
  let checked = 0
  let lastSeq = 0

  while (breaks.length < maxBreaks) {
    const rows = await db
      .from('audit_events')
      .where('seq', '>=', expectedSeq)
      .orderBy('seq', 'asc')
      .limit(BATCH)
    if (rows.length === 0) break
    for (const row of rows) {
      const fields = toFields(row)
      if (fields.seq !== expectedSeq) breaks.push({ seq: expectedSeq, reason: 'sequence_gap' })
      if (fields.prevHash !== previousHash)
        breaks.push({ seq: fields.seq, reason: 'prev_hash_mismatch' })
      if (hashRow(fields) !== row.hash) breaks.push({ seq: fields.seq, reason: 'hash_mismatch' })
      previousHash = row.hash
      expectedSeq = fields.seq + 1
      lastSeq = fields.seq
      checked++
    }
  }

  if (Number(head.seq) !== lastSeq || head.hash !== previousHash) {
    breaks.push({ seq: Number(head.seq), reason: 'head_mismatch' })
  }
  return { ok: breaks.length === 0, checked, headSeq: Number(head.seq), breaks }
}

function toFields(row: Record<string, any>): ChainedFields {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorId: row.actor_id === null ? null : Number(row.actor_id),
    actorUsername: row.actor_username,
    organisationId: row.organisation_id === null ? null : Number(row.organisation_id),
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    result: row.result,
    ip: row.ip,
    userAgent: row.user_agent,
    details: row.details,
    hashAlg: row.hash_alg,
    prevHash: row.prev_hash,
  }
}
