import type { Variables, WorkflowTask } from '#workflow/types'

export type DecisionAction = 'approve' | 'reject' | 'return'

/**
 * Each node speaks its own variables (the owner review decides its part with approved/approvedCodes;
 * the others route on `decision`), so the mapping lives here and the .bpmn conditions stay short.
 */
export function decisionVariables(
  task: WorkflowTask,
  action: DecisionAction,
  opinion: string | null,
  approvedCodes?: string[]
): Variables {
  if (task.activityId === 'owner_review') {
    return {
      approved: action === 'approve',
      ...(approvedCodes ? { approvedCodes } : {}),
      opinion,
    }
  }
  return { decision: action, opinion }
}
