import env from '#start/env'
import workflowRuntime from '#services/workflow_runtime'
import { operatonUrl } from '#workflow/engine'
import { wipeOperatonState } from '#workflow/operaton/test_state'

/*
 * Functional tests roll the app database back after each test (global transaction); the
 * embedded engine keeps its state there, so it rolls back too. Operaton keeps its own
 * database: before each functional test on Operaton, stop any topic workers an earlier test
 * started, empty the engine (instances, history, jobs, deployed versions, clock) and forget
 * the runtime's adapter so the shipped processes are deployed again on first use. On the
 * embedded engine this does nothing.
 */
export async function freshWorkflowEngine() {
  if ((env.get('WORKFLOW_ENGINE') ?? 'embedded') !== 'operaton') return
  await workflowRuntime.stopLoop()
  workflowRuntime.reset()
  await wipeOperatonState(operatonUrl())
}
