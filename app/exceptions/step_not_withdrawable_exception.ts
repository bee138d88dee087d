import AppException from '#exceptions/app_exception'

export type WithdrawRefusal = 'not_yours' | 'acted' | 'ended' | 'parallel'

/** 撤回 is only possible while the next step has not been acted on (APPROVALS.md §4). */
export default class StepNotWithdrawableException extends AppException {
  constructor(taskId: string, reason: WithdrawRefusal) {
    super(`E_STEP_NOT_WITHDRAWABLE_${reason.toUpperCase()}`, 409, { params: { id: taskId } })
  }
}
