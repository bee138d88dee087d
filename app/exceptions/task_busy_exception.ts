import AppException from '#exceptions/app_exception'

export type TaskBusyReason = 'delegated' | 'signoff' | 'held'

const CODES: Record<TaskBusyReason, string> = {
  delegated: 'E_TASK_DELEGATED',
  signoff: 'E_TASK_WAITING_SIGNOFF',
  held: 'E_TASK_HELD',
}

/** The task is waiting for someone else (delegate, added approvers) before its owner may act. */
export default class TaskBusyException extends AppException {
  constructor(taskId: string, reason: TaskBusyReason) {
    super(CODES[reason], 409, { params: { id: taskId } })
  }
}
