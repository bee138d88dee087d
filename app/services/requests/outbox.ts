import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import clock from '#services/clock'
import type { WorkflowPort } from '#workflow/port'
import type { Variables } from '#workflow/types'

/** Records "start this process" in the caller's transaction (SECURITY.md 5: state + outbox together). */
export async function enqueueStart(
  processKey: string,
  businessKey: string,
  variables: Variables,
  trx: TransactionClientContract
) {
  await trx.table('workflow_outbox').insert({
    process_key: processKey,
    business_key: businessKey,
    variables: JSON.stringify(variables),
    status: 'pending',
    attempts: 0,
    created_at: clock.now().toJSDate(),
  })
}

/*
 * Starts the pending processes. Safe to run anywhere, any number of times: the engine's start is
 * idempotent on the business key, so a crash between start and "mark dispatched" only repeats a no-op.
 * An unreachable engine leaves the row pending with its error for the next run.
 */
export async function dispatchOutbox(port: WorkflowPort, onlyBusinessKey?: string, limit = 100) {
  const rows = await db
    .from('workflow_outbox')
    .where('status', 'pending')
    .if(onlyBusinessKey, (q) => q.where('business_key', onlyBusinessKey!))
    .orderBy('id')
    .limit(limit)
  let started = 0
  for (const row of rows) {
    try {
      const { instance } = await port.startByKey(
        row.process_key,
        row.business_key,
        JSON.parse(row.variables)
      )
      await db.transaction(async (trx) => {
        await trx
          .from('workflow_outbox')
          .where('id', row.id)
          .update({
            status: 'dispatched',
            attempts: row.attempts + 1,
            dispatched_at: clock.now().toJSDate(),
            last_error: null,
          })
        await trx
          .from('data_requests')
          .where('code', row.business_key)
          .whereNull('process_instance_id')
          .update({ process_instance_id: instance.id })
      })
      started++
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await db
        .from('workflow_outbox')
        .where('id', row.id)
        .update({ attempts: row.attempts + 1, last_error: message.slice(0, 1000) })
    }
  }
  return started
}
