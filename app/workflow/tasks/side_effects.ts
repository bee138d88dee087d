import db from '@adonisjs/lucid/services/db'
import clock from '#services/clock'

/*
 * The idempotency ledger topic handlers write through: delivery is at-least-once, so each side
 * effect carries a unique key and a redelivered task finds the effect already there.
 */
export async function recordSideEffect(key: string, kind: string, data: Record<string, unknown>) {
  const existing = await db.from('workflow_side_effects').where('effect_key', key).first()
  if (existing) return { created: false, data: JSON.parse(existing.data ?? '{}') }
  try {
    await db
      .table('workflow_side_effects')
      .insert({ effect_key: key, kind, data: JSON.stringify(data), created_at: clock.nowMs() })
    return { created: true, data }
  } catch (error) {
    // Two deliveries raced past the read: the unique key let exactly one insert through.
    const winner = await db.from('workflow_side_effects').where('effect_key', key).first()
    if (winner) return { created: false, data: JSON.parse(winner.data ?? '{}') }
    throw error
  }
}

export async function sideEffects(kind: string) {
  return db.from('workflow_side_effects').where('kind', kind).orderBy('id')
}
