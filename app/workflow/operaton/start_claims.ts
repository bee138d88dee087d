import db from '@adonisjs/lucid/services/db'
import { setTimeout as sleep } from 'node:timers/promises'
import { recordSideEffect } from '#workflow/tasks/side_effects'

/*
 * Start-by-business-key claims in the side-effect ledger (its key is unique): the one caller
 * whose insert wins starts the instance, on any app node.
 */
const claimKey = (processKey: string, businessKey: string) =>
  `workflow.start:${processKey}:${businessKey}`

export async function claimStart(processKey: string, businessKey: string) {
  const claim = await recordSideEffect(claimKey(processKey, businessKey), 'workflow_start', {
    processKey,
    businessKey,
  })
  return claim.created
}

export async function releaseStart(processKey: string, businessKey: string) {
  await db
    .from('workflow_side_effects')
    .where('effect_key', claimKey(processKey, businessKey))
    .delete()
}

/** Waits for the claim's winner to start the instance; a winner that died leaves its claim stale. */
export async function waitForStart<T>(
  find: () => Promise<T | null>,
  timeoutMs = 15_000
): Promise<T | null> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const found = await find()
    if (found) return found
    await sleep(100)
  }
  return null
}
